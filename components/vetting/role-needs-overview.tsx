import { getTranslations } from "next-intl/server";
import type { RoleNeedsView } from "@/lib/role-needs/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { PledgeText } from "./pledge-text";
import { RoleNeedsForm } from "./role-needs-form";

/**
 * Each role: what it may do, rendered from the permission map itself (lib/authz/permissions.ts,
 * so this page cannot drift from what the code enforces), beside the needs-and-risk note that
 * says why, its history, and the form for a new version.
 */
export async function RoleNeedsOverview({ roles }: { roles: RoleNeedsView[] }) {
  const [t, tp, tr] = await Promise.all([
    getTranslations("roleNeeds"),
    getTranslations("permissionMap"),
    getTranslations("roles"),
  ]);
  return (
    <div className="flex flex-col gap-6">
      {roles.map((r) => (
        <Section key={r.role} id={`role-${r.role}`} title={tr(r.role)}>
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 font-semibold">{t("permissions")}</h3>
              <DataTable
                caption={t("permissionsCaption", { role: tr(r.role) })}
                empty={t("noPermissions")}
                rows={r.grants}
                rowKey={(g) => g.resource}
                columns={[
                  { header: t("resource"), primary: true, cell: (g) => tp(`resources.${g.resource}`) },
                  {
                    header: t("actions"),
                    cell: (g) => (
                      <ul className="flex flex-col gap-0.5">
                        {g.actions.map((a) => (
                          <li key={a.action}>
                            {tp(`actions.${a.action}`)}: {tp(`scopes.${a.scope}`)}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            </div>
            <div className="flex flex-col gap-3">
              <h3 className="font-semibold">{t("note")}</h3>
              {r.current ? (
                <>
                  <p className="text-sm text-slate-700">
                    {t("noteVersion", {
                      version: r.current.version,
                      name: r.current.writtenBy ?? t("unknownWriter"),
                      date: formatDateTime(r.current.createdAt),
                    })}
                  </p>
                  <PledgeText text={r.current.text} />
                </>
              ) : (
                <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">{t("noNote")}</p>
              )}
              <RoleNeedsForm
                role={r.role}
                roleName={tr(r.role)}
                text={r.current?.text ?? ""}
                replaces={r.current?.version ?? 0}
              />
              {r.history.length > 0 ? (
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
                    {t("history", { count: r.history.length })}
                  </summary>
                  <ol className="mt-2 flex flex-col gap-3">
                    {r.history.map((h) => (
                      <li key={h.version}>
                        <p className="text-sm text-slate-700">
                          {t("noteVersion", {
                            version: h.version,
                            name: h.writtenBy ?? t("unknownWriter"),
                            date: formatDateTime(h.createdAt),
                          })}
                        </p>
                        <PledgeText text={h.text} />
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </div>
          </div>
        </Section>
      ))}
    </div>
  );
}
