import { getTranslations } from "next-intl/server";
import type { getHandoverOptions } from "@/lib/assignments/queries";
import { ACCESS_REASON_CODES } from "@/lib/caseload-gate/reasons";
import { enumOptions } from "@/lib/labels";
import { Section } from "@/components/ui/section";
import { HandOverCaseloadForm, HandOverPeopleForm } from "./handover-forms";

type Options = NonNullable<Awaited<ReturnType<typeof getHandoverOptions>>>;

/** The caseload page's hand-over: chosen people of one's own, or a colleague's whole caseload. */
export async function Handover({ options, me }: { options: Options; me: { id: string; name: string } }) {
  const [t, tr] = await Promise.all([getTranslations("handover"), getTranslations("accessReasons")]);
  const colleagues = options.colleagues.map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <Section id="handover" title={t("ownTitle")} className="print:hidden">
        {options.people.length === 0 ? (
          <p>{t("noPeople")}</p>
        ) : colleagues.length === 0 ? (
          <p>{t("noColleagues")}</p>
        ) : (
          <HandOverPeopleForm
            people={options.people.map((p) => ({ value: p.id, label: p.name }))}
            colleagues={colleagues}
          />
        )}
      </Section>
      {options.coordinators.length > 0 ? (
        <Section id="handover-whole" title={t("wholeTitle")} intro={t("wholeIntro")} className="mt-6 print:hidden">
          <HandOverCaseloadForm
            coordinators={options.coordinators.map((c) => ({
              value: c.id,
              label: t(c.isActive ? "fromOption" : "fromOptionInactive", { name: c.name, count: c.caseload }),
            }))}
            colleagues={[{ value: me.id, label: t("toSelf", { name: me.name }) }, ...colleagues]}
            reasons={enumOptions(ACCESS_REASON_CODES, (c) => tr(c))}
          />
        </Section>
      ) : null}
    </>
  );
}
