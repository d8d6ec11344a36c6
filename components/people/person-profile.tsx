import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { getPersonFile } from "@/lib/people/queries";
import { formatDate } from "@/lib/validation/dates";
import { Section } from "@/components/ui/section";
import { IdentityProtectionForm } from "./identity-protection-form";
import { RevealIdentityNumber } from "./reveal-identity-number";
import { StatusBadge } from "./status-badge";

type PersonFile = Awaited<ReturnType<typeof getPersonFile>>;

function Item({ label, children, strong }: { label: ReactNode; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <dt className={strong ? "font-medium text-amber-900" : "text-sm text-slate-700"}>{label}</dt>
      {children}
    </div>
  );
}

/** The person file's "Uppgifter": number (masked, revealed on request), status, aliases, protection, coordinators. */
export async function PersonProfile({ person }: { person: PersonFile }) {
  const [t, ta] = await Promise.all([getTranslations("person"), getTranslations("agencies")]);
  const location = person.protectedLocation
    ? [person.protectedLocation.town, person.protectedLocation.address].filter(Boolean).join(", ")
    : null;
  return (
    <Section id="profile" title={t("profile")}>
      <dl className="flex flex-col gap-3">
        <Item label={person.identityNumberKind === "SAMORDNINGSNUMMER" ? t("samordningsnummer") : t("identityNumber")}>
          <dd className="flex flex-wrap items-center gap-2">
            {person.maskedIdentityNumber ? (
              <RevealIdentityNumber personId={person.id} masked={person.maskedIdentityNumber} />
            ) : (
              "–"
            )}
          </dd>
        </Item>
        {!person.maskedIdentityNumber && person.birthDate ? (
          <Item label={t("birthDate")}>
            <dd>{formatDate(person.birthDate)}</dd>
          </Item>
        ) : null}
        <Item label={t("status")}>
          <dd className="flex flex-wrap items-center gap-2">
            <StatusBadge status={person.status} />{" "}
            <span className="text-sm">{t("since", { date: formatDate(person.statusSince) })}</span>
          </dd>
        </Item>
        <Item label={t("aliases")}>
          <dd>{person.aliases.length > 0 ? person.aliases.join(", ") : t("noAliases")}</dd>
        </Item>
        {person.hasProtectedIdentity ? (
          <Item label={t("protectedIdentity")} strong>
            {location ? (
              <dd className="text-sm">
                {t("protectedLocation")}: {location}
              </dd>
            ) : null}
            {person.can.endProtection ? (
              <dd className="print:hidden">
                <IdentityProtectionForm personId={person.id} version={person.version} protect={false} />
              </dd>
            ) : null}
          </Item>
        ) : location || person.can.protectIdentity ? (
          <Item label={t("protection")}>
            <dd>{t("protectionNone")}</dd>
            {location ? (
              <dd className="text-sm">
                {t("location")}: {location}
              </dd>
            ) : null}
            {person.can.protectIdentity ? (
              <dd className="print:hidden">
                <IdentityProtectionForm personId={person.id} version={person.version} protect />
              </dd>
            ) : null}
          </Item>
        ) : null}
        <Item label={t("coordinators")}>
          <dd>
            {person.assignments.length === 0 ? (
              t("noCoordinators")
            ) : (
              <ul>
                {person.assignments.map((a) => (
                  <li key={`${a.agency}-${a.user.id}`}>
                    {a.user.name} ({ta(a.agency)})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </Item>
      </dl>
    </Section>
  );
}
