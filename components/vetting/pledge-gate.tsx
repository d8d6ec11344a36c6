import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz";
import { signOutAction } from "@/lib/auth/actions";
import type { CurrentPledge } from "@/lib/pledge/queries";
import { formatDate } from "@/lib/validation/dates";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";
import { PageHeader } from "@/components/ui/page-header";
import { AcceptPledgeForm } from "./accept-pledge-form";
import { PledgeText } from "./pledge-text";

/**
 * The page a user sees before anything else until they have accepted the site's current pledge:
 * no menu (nothing else opens yet), only the text, the acceptance and a way to sign out.
 */
export async function PledgeGate({ actor, pledge, demo }: { actor: Actor; pledge: CurrentPledge; demo: boolean }) {
  const [t, ta, tr] = await Promise.all([getTranslations("pledge"), getTranslations("app"), getTranslations("roles")]);
  return (
    <>
      {demo ? <DemoDataBanner /> : null}
      <header className="border-b border-slate-300 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <span className="text-lg font-semibold text-brand-800">{ta("name")}</span>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-700">
              {ta("signedInAs", { name: actor.name })} · {tr(actor.role)}
            </span>
            <form action={signOutAction}>
              <button className="min-h-11 rounded-md border border-slate-400 px-3 font-medium hover:bg-slate-100">
                {ta("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        <PageHeader
          title={t("title")}
          intro={pledge.version > 1 ? t("introNewVersion", { version: pledge.version }) : t("intro")}
        />
        <p className="mb-2 text-sm text-slate-700">
          {pledge.publishedAt
            ? t("version", { version: pledge.version, date: formatDate(pledge.publishedAt) })
            : t("versionDefault", { version: pledge.version })}
        </p>
        <section aria-labelledby="pledge-text" className="mb-6">
          <h2 id="pledge-text" className="sr-only">
            {t("textHeading")}
          </h2>
          <PledgeText text={pledge.text} />
        </section>
        <AcceptPledgeForm version={pledge.version} />
      </main>
    </>
  );
}
