import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { getGroup } from "@/lib/groups/queries";
import { formatDate } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/people/status-badge";

type Member = Awaited<ReturnType<typeof getGroup>>["currentMembers"][number];

/** A group's members (current or former): each membership's role, confidence, source and review date. */
export async function MemberTable({ members, caption }: { members: Member[]; caption: string }) {
  const [t, tr, tm, ta] = await Promise.all([
    getTranslations("group"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
  ]);
  return (
    <DataTable
      caption={caption}
      empty={t("noMembers")}
      rows={members}
      rowKey={(m) => m.id}
      columns={[
        {
          header: t("person"),
          primary: true,
          cell: (m) => (
            <>
              <Link href={`/people/${m.person.id}`} className="font-medium">
                {m.person.firstName} {m.person.lastName}
              </Link>{" "}
              {m.person.status !== "ACTIVE" ? <StatusBadge status={m.person.status} /> : null}
            </>
          ),
        },
        { header: t("role"), cell: (m) => tr(m.role) },
        { header: t("confidence"), cell: (m) => tm(m.confidence) },
        { header: t("source"), cell: (m) => ta(m.sourceAgency) },
        {
          header: t("period"),
          cell: (m) => `${formatDate(m.validFrom)} – ${m.validTo ? formatDate(m.validTo) : ""}`,
        },
        { header: t("reviewDueOn"), cell: (m) => formatDate(m.reviewDueOn) },
      ]}
    />
  );
}
