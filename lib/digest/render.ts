// use-intl's core (next-intl's own engine) has no React: the job worker runs outside Next.js.
import { createTranslator } from "use-intl/core";
import sv from "@/messages/sv";
import { TODO_KINDS, totalOf, type TodoCounts } from "@/lib/todo/kinds";

/**
 * The digest's text: counts per kind and a link, nothing else. E-mail leaves the secure zone
 * (it is stored and forwarded by servers outside the agencies' control), so it never holds a
 * name, a personnummer, a group or any other detail: only how many things are due (issue 15).
 * No `server-only`: pure, tested in isolation.
 */
export function renderDigest({ counts, appUrl }: { counts: TodoCounts; appUrl: string }): {
  subject: string;
  text: string;
} {
  const t = createTranslator({ locale: "sv", messages: sv, namespace: "digest" });
  const total = totalOf(counts);
  const base = appUrl.replace(/\/+$/, "");
  const lines = TODO_KINDS.filter((k) => counts[k].overdue + counts[k].due > 0).map((k) =>
    t("line", { kind: t(`kind_${k}`), overdue: counts[k].overdue, due: counts[k].due }),
  );
  return {
    subject: t("subject", { overdue: total.overdue, due: total.due }),
    text: [
      t("greeting"),
      "",
      total.all === 0 ? t("nothing") : t("summary", { overdue: total.overdue, due: total.due }),
      ...(lines.length ? ["", ...lines] : []),
      "",
      t("open", { url: `${base}/todo` }),
      "",
      t("why"),
      t("switchOff", { url: `${base}/account/digest` }),
    ].join("\n"),
  };
}
