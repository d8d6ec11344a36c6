import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { canUseArea, type Actor, type Area } from "@/lib/authz";
import { setLocaleAction, signOutAction } from "@/lib/auth/actions";
import { countTodoTotal } from "@/lib/todo/queries";
import { NavList } from "./nav-list";

const NAV: {
  area: Area;
  href: string;
  label:
    | "caseload"
    | "people"
    | "groups"
    | "callIns"
    | "referrals"
    | "followUps"
    | "meetings"
    | "enforcement"
    | "incidents"
    | "dashboard"
    | "national"
    | "users"
    | "audit"
    | "retention"
    | "extractRequests"
    | "myActivity"
    | "pledge"
    | "roleNeeds"
    | "accessReview"
    | "visits"
    | "rounds"
    | "transfers";
}[] = [
  { area: "caseload", href: "/caseload", label: "caseload" },
  { area: "people", href: "/people", label: "people" },
  { area: "groups", href: "/groups", label: "groups" },
  { area: "followUps", href: "/follow-ups", label: "followUps" },
  { area: "meetings", href: "/meetings", label: "meetings" },
  { area: "referrals", href: "/referrals", label: "referrals" },
  { area: "callIns", href: "/call-ins", label: "callIns" },
  { area: "visits", href: "/visits", label: "visits" },
  { area: "visits", href: "/rounds", label: "rounds" },
  { area: "enforcement", href: "/enforcement", label: "enforcement" },
  { area: "incidents", href: "/incidents", label: "incidents" },
  { area: "dashboard", href: "/dashboard", label: "dashboard" },
  { area: "national", href: "/national", label: "national" },
  { area: "admin", href: "/admin/users", label: "users" },
  { area: "admin", href: "/admin/audit", label: "audit" },
  { area: "admin", href: "/admin/retention", label: "retention" },
  { area: "admin", href: "/admin/extract-requests", label: "extractRequests" },
  { area: "admin", href: "/admin/pledge", label: "pledge" },
  { area: "admin", href: "/admin/roles", label: "roleNeeds" },
  { area: "accessReview", href: "/access-review", label: "accessReview" },
  { area: "extractDecisions", href: "/extract-requests", label: "extractRequests" },
  { area: "transfers", href: "/transfers", label: "transfers" },
  { area: "myActivity", href: "/my-activity", label: "myActivity" },
];

export async function AppHeader({ actor }: { actor: Actor }) {
  const hasTodo = canUseArea(actor.role, "todo");
  const [t, tn, tr, ta, tt, locale, todoCount] = await Promise.all([
    getTranslations("app"),
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("account"),
    getTranslations("todo"),
    getLocale(),
    hasTodo ? countTodoTotal({ actor }) : Promise.resolve(0),
  ]);
  const items = NAV.filter((n) => canUseArea(actor.role, n.area));
  return (
    <header className="border-b border-slate-300 bg-white print:border-0">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-brand-800 no-underline">
          {t("name")}
        </Link>
        {/* Phones: the menu folds away behind one button, so the page starts on the first screen. */}
        <details className="group order-3 w-full sm:hidden print:hidden">
          <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border border-slate-400 px-3 font-medium hover:bg-slate-100">
            <span aria-hidden="true">☰</span> {t("menu")}
          </summary>
          <NavList
            label={t("mainNav")}
            items={items.map((i) => ({ href: i.href, text: tn(i.label) }))}
            className="mt-2 flex flex-col gap-1"
          />
        </details>
        <NavList
          label={t("mainNav")}
          items={items.map((i) => ({ href: i.href, text: tn(i.label) }))}
          className="hidden flex-wrap gap-1 sm:flex"
        />
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {hasTodo ? (
            // Outside the folding menu: on a phone the count is on the first screen, one tap away.
            <Link
              href="/todo"
              className="inline-flex min-h-11 items-center gap-2 rounded-md px-2 font-medium text-brand-700 hover:bg-brand-50 print:hidden"
            >
              {tt("headerLink")}
              <span
                className={
                  todoCount > 0
                    ? "rounded-full bg-red-700 px-2 py-0.5 text-sm font-semibold text-white"
                    : "rounded-full bg-slate-200 px-2 py-0.5 text-sm text-slate-800"
                }
              >
                <span aria-hidden="true">{todoCount}</span>
                <span className="sr-only">{tt("headerCount", { count: todoCount })}</span>
              </span>
            </Link>
          ) : null}
          <span className="text-slate-700">
            {t("signedInAs", { name: actor.name })} · {tr(actor.role)}
          </span>
          <form action={setLocaleAction} className="flex items-center gap-1 print:hidden">
            <span className="sr-only">{t("language")}</span>
            {(["sv", "en"] as const).map((l) => (
              <button
                key={l}
                name="locale"
                value={l}
                aria-pressed={locale === l}
                lang={l}
                className="min-h-11 min-w-11 rounded-md px-2 font-medium text-brand-700 hover:bg-brand-50 aria-pressed:bg-brand-100"
              >
                {l === "sv" ? "Svenska" : "English"}
              </button>
            ))}
          </form>
          <Link
            href="/account/password"
            className="inline-flex min-h-11 items-center rounded-md px-2 font-medium text-brand-700 hover:bg-brand-50 print:hidden"
          >
            {ta("link")}
          </Link>
          <form action={signOutAction} className="print:hidden">
            <button className="min-h-11 rounded-md border border-slate-400 px-3 font-medium hover:bg-slate-100">
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
