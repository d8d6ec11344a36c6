import { getTranslations } from "next-intl/server";
import type { RegisterExtract } from "@/lib/register-extract";
import type { ExtractValue } from "@/lib/register-extract/sections";
import { formatDate, formatDateTime } from "@/lib/validation/dates";

/** Values of these fields are codes of a closed list, shown by their Swedish names. */
const ENUM_NAMESPACE: Record<string, string> = {
  status: "extractValues",
  role: "extractValues",
  confidence: "confidence",
  placeType: "placeType",
  outcome: "outcome",
  response: "response",
  agency: "agencies",
  sourceAgency: "agencies",
  createdByAgency: "agencies",
  recordedByAgency: "agencies",
  fromAgency: "agencies",
  toAgency: "agencies",
  action: "auditActions",
  purpose: "accessReasons",
  requester: "extractRequesters",
  identityCheck: "identityChecks",
  requestStatus: "extractRequestStatuses",
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The printable extract: one table per section, every field labelled, every section present. */
export async function RegisterExtractView({ extract }: { extract: RegisterExtract }) {
  const t = await getTranslations("extract");
  const tAll = await getTranslations();
  const show = (field: string, value: ExtractValue): string => {
    if (value === null || value === "") return "–";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "number") return String(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(new Date(value));
    if (ISO_DAY.test(value)) return formatDate(new Date(`${value}T00:00:00Z`));
    const ns = ENUM_NAMESPACE[field];
    if (ns && tAll.has(`${ns}.${value}`)) return tAll(`${ns}.${value}`);
    if (tAll.has(`extractValues.${value}`)) return tAll(`extractValues.${value}`);
    return value;
  };
  const label = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);

  return (
    <div className="flex flex-col gap-6">
      {extract.sections.map((section) => (
        <section key={section.key} aria-labelledby={`extract-${section.key}`} className="break-inside-avoid-page">
          <h2 id={`extract-${section.key}`} className="mb-2 text-lg font-semibold">
            {t.has(`sections.${section.key}`) ? t(`sections.${section.key}`) : section.key} ({section.rows.length})
          </h2>
          {section.rows.length === 0 ? (
            <p className="text-slate-700">{t("empty")}</p>
          ) : (
            <ol className="flex flex-col gap-2">
              {section.rows.map((row, i) => (
                <li key={i} className="rounded-md border border-slate-300 bg-white p-3">
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
                    {Object.entries(row).map(([field, value]) => (
                      <div key={field} className="contents">
                        <dt className="text-slate-700">{label(field)}</dt>
                        <dd className="whitespace-pre-line break-words">{show(field, value)}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
