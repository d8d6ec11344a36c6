import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { getPersonFile } from "@/lib/people/queries";
import { buttonClass } from "@/components/ui/button";

type PersonFile = Awaited<ReturnType<typeof getPersonFile>>;

/** What the actor may do from the person file: the links in its header, each where the role allows it. */
export async function PersonFileActions({ person }: { person: PersonFile }) {
  const [t, tconsent, tcoordinators, tplan, tflags] = await Promise.all([
    getTranslations("person"),
    getTranslations("consent"),
    getTranslations("coordinators"),
    getTranslations("visitPlanForm"),
    getTranslations("warningFlags"),
  ]);
  const actions = [
    person.can.logNotification && {
      href: `/people/${person.id}/notifications/new`,
      label: t("logNotification"),
      primary: true,
    },
    person.can.planVisit && { href: `/visits/new?personId=${person.id}`, label: tplan("title") },
    person.can.setWarningFlag && { href: `/people/${person.id}/warning-flags/new`, label: tflags("set") },
    person.can.logFollowUp && { href: `/follow-ups/new?personId=${person.id}`, label: t("logFollowUp") },
    person.can.refer && { href: `/referrals/new?personId=${person.id}`, label: t("refer") },
    person.can.logEnforcement && { href: `/enforcement/new?personId=${person.id}`, label: t("logEnforcement") },
    person.can.edit && { href: `/people/${person.id}/edit`, label: t("edit") },
    { href: `/people/${person.id}/consent`, label: tconsent("fileLink") },
    { href: `/people/${person.id}/coordinators`, label: tcoordinators("fileLink") },
  ].filter((a): a is { href: string; label: string; primary?: boolean } => Boolean(a));
  return actions.map((a) => (
    <Link key={a.href} href={a.href} className={buttonClass(a.primary ? "primary" : "secondary")}>
      {a.label}
    </Link>
  ));
}
