import { getTranslations } from "next-intl/server";
import type { WarningFlagView } from "@/lib/warning-flags/queries";
import { formatDate } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { EndWarningFlagForm } from "./end-warning-flag-form";

/**
 * A person's warning flags in force, prominently: on the file, on every page where a visit to them
 * is planned or logged. The reason shows only for the setting agency (the query leaves it out for
 * the others); `allowEnd` offers the setting agency's users the way to end a flag (on the file).
 */
export async function WarningFlagAlert({
  flags,
  allowEnd = false,
  level = 2,
}: {
  flags: readonly WarningFlagView[];
  allowEnd?: boolean;
  level?: 2 | 3;
}) {
  if (flags.length === 0) return null;
  const [t, tk, ta] = await Promise.all([
    getTranslations("warningFlags"),
    getTranslations("warningFlagKinds"),
    getTranslations("agencies"),
  ]);
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className="mb-4">
      <Alert tone="danger" id="warning-flags">
        <Heading className="text-lg font-semibold">{flags.length > 1 ? t("titleMany") : t("title")}</Heading>
        <ul className="mt-1 flex flex-col gap-2">
          {flags.map((f) => (
            <li key={f.id}>
              <p className="font-semibold">
                {t("flag", { kind: tk(f.kind), agency: ta(f.agency), date: formatDate(f.setOn) })}
                {f.endsOn ? `, ${t("until", { date: formatDate(f.endsOn) })}` : null}
              </p>
              {f.reason ? <p>{t("reason", { agency: ta(f.agency), reason: f.reason })}</p> : null}
              {allowEnd && f.canEnd ? <EndWarningFlagForm flagId={f.id} version={f.version} kind={tk(f.kind)} /> : null}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
