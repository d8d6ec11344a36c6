import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditFilter } from "@/lib/audit-log/schemas";
import { AUDIT_ACTIONS } from "@/lib/audit-log/schemas";
import { enumOptions } from "@/lib/labels";
import { buttonClass, Button } from "@/components/ui/button";

const INPUT = "block min-h-11 w-full rounded-md border bg-white px-3 py-2";

/** A GET form: the filtered view is a URL the reviewer can bookmark or send on. */
export async function AuditFilters({
  filter,
  errors,
  users,
  personLabel,
}: {
  filter: AuditFilter;
  errors: Partial<Record<"from" | "to", string>>;
  users: { id: string; name: string; role: string }[];
  personLabel: string | null;
}) {
  const [t, ta, troles, terr] = await Promise.all([
    getTranslations("audit"),
    getTranslations("auditActions"),
    getTranslations("roles"),
    getTranslations("errors"),
  ]);
  const dateField = (key: "from" | "to") => (
    <div>
      <label htmlFor={`filter-${key}`} className="mb-1 block font-medium">
        {t(key)}
      </label>
      <input
        id={`filter-${key}`}
        name={key}
        type="date"
        defaultValue={filter[key] ?? ""}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `filter-${key}-error` : undefined}
        className={`${INPUT} ${errors[key] ? "border-red-700" : "border-slate-500"}`}
      />
      {errors[key] ? (
        <p id={`filter-${key}-error`} className="mt-1 text-sm font-medium text-red-800">
          {terr(errors[key])}
        </p>
      ) : null}
    </div>
  );
  return (
    <form
      method="get"
      role="search"
      aria-label={t("filters")}
      className="mb-4 grid gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div>
        <label htmlFor="filter-user" className="mb-1 block font-medium">
          {t("user")}
        </label>
        <select
          id="filter-user"
          name="userId"
          defaultValue={filter.userId ?? ""}
          className={`${INPUT} border-slate-500`}
        >
          <option value="">{t("anyUser")}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({troles(u.role)})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-action" className="mb-1 block font-medium">
          {t("action")}
        </label>
        <select
          id="filter-action"
          name="action"
          defaultValue={filter.action ?? ""}
          className={`${INPUT} border-slate-500`}
        >
          <option value="">{t("anyAction")}</option>
          {enumOptions(AUDIT_ACTIONS, ta).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {dateField("from")}
      {dateField("to")}
      {filter.personId ? (
        <p className="sm:col-span-2 lg:col-span-4">
          <input type="hidden" name="personId" value={filter.personId} />
          {personLabel ? t("onlyPerson", { name: personLabel }) : t("onlyThisPerson")}{" "}
          <Link href={`/admin/audit/people/${filter.personId}`}>{t("readersLink")}</Link>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/admin/audit" className={buttonClass("secondary")}>
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
