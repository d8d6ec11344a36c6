import { getTranslations } from "next-intl/server";
import type { RegisterExtract } from "@/lib/register-extract";
import { extractFieldLabel, extractSectionTitle, showExtractValue, type Labels } from "@/lib/register-extract/render";
import { formatDate, formatDateTime } from "@/lib/validation/dates";

const time = { instant: formatDateTime, day: (isoDay: string) => formatDate(new Date(`${isoDay}T00:00:00Z`)) };

/** The printable extract: one table per section, every field labelled, every section present. */
export async function RegisterExtractView({ extract }: { extract: RegisterExtract }) {
  const [t, labels] = await Promise.all([getTranslations("extract"), getTranslations()]);
  const l = labels as unknown as Labels;

  return (
    <div className="flex flex-col gap-6 print:gap-3">
      {extract.sections.map((section) => (
        <section key={section.key} aria-labelledby={`extract-${section.key}`}>
          <h2 id={`extract-${section.key}`} className="mb-2 text-lg font-semibold break-after-avoid print:mb-1">
            {extractSectionTitle(l, section.key)} ({section.rows.length})
          </h2>
          {section.rows.length === 0 ? (
            <p className="text-slate-700">{t("empty")}</p>
          ) : (
            <ol className="flex flex-col gap-2 print:gap-1">
              {section.rows.map((row, i) => (
                <li key={i} className="rounded-md border border-slate-300 bg-white p-3 break-inside-avoid print:p-2">
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
                    {Object.entries(row).map(([field, value]) => (
                      <div key={field} className="contents">
                        <dt className="text-slate-700">{extractFieldLabel(l, field)}</dt>
                        <dd className="whitespace-pre-line break-words">
                          {showExtractValue(l, section, field, value, time)}
                        </dd>
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
