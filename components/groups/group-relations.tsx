import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Agency } from "@/lib/generated/prisma/enums";
import type { getGroupRelations, GroupRelationRow } from "@/lib/group-relations/queries";
import { RELATION_KINDS } from "@/lib/group-relations/schemas";
import { enumOptions } from "@/lib/labels";
import { formatDate, stockholmToday } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { EndRelationForm, RecordRelationForm } from "./relation-forms";

type Relations = Awaited<ReturnType<typeof getGroupRelations>>;

/** The kind as a word and a mark that does not rely on colour: the map's legend uses the same. */
export function RelationKindLabel({ kind, label }: { kind: GroupRelationRow["kind"]; label: string }) {
  return (
    <span className={kind === "RIVALRY" ? "font-medium text-red-800" : "font-medium text-blue-800"}>
      <span aria-hidden="true">{kind === "RIVALRY" ? "━ " : "┅ "}</span>
      {label}
    </span>
  );
}

/** A group's conflicts and alliances: those in force (with their "end" forms), ended ones, a form to record one. */
export async function GroupRelations({
  groupId,
  relations,
  agency,
}: {
  groupId: string;
  relations: Relations;
  agency: Agency | null;
}) {
  const [t, tk, ta] = await Promise.all([
    getTranslations("groupRelations"),
    getTranslations("relationKind"),
    getTranslations("agencies"),
  ]);
  const today = stockholmToday();
  const other = (r: GroupRelationRow) => (
    <Link href={`/groups/${r.other.id}`} className="font-medium">
      {r.other.name}
    </Link>
  );
  return (
    <Section
      id="relations"
      title={t("title")}
      intro={t("intro")}
      className="mb-6"
      actions={<Link href="/groups/map">{t("mapLink")}</Link>}
    >
      <h3 className="mb-2 font-semibold">{t("current")}</h3>
      <DataTable
        caption={t("current")}
        empty={t("noCurrent")}
        rows={relations.current}
        rowKey={(r) => r.id}
        columns={[
          { header: t("otherGroup"), primary: true, cell: other },
          { header: t("kind"), cell: (r) => <RelationKindLabel kind={r.kind} label={tk(r.kind)} /> },
          { header: t("since"), cell: (r) => formatDate(r.validFrom), className: "whitespace-nowrap" },
          { header: t("source"), cell: (r) => ta(r.sourceAgency) },
          { header: t("recordedBy"), cell: (r) => r.recordedBy },
        ]}
      />
      {relations.can.end && relations.current.length > 0 ? (
        <div className="mt-3 flex flex-col gap-2 print:hidden">
          {relations.current.map((r) => (
            <EndRelationForm
              key={`${r.id}-${r.version}`}
              relationId={r.id}
              version={r.version}
              groupId={groupId}
              legend={t("endLegend", { kind: tk(r.kind).toLowerCase(), group: r.other.name })}
              today={today}
            />
          ))}
        </div>
      ) : null}
      <h3 className="mt-6 mb-2 font-semibold">{t("ended")}</h3>
      <DataTable
        caption={t("ended")}
        empty={t("noEnded")}
        rows={relations.ended}
        rowKey={(r) => r.id}
        columns={[
          { header: t("otherGroup"), primary: true, cell: other },
          { header: t("kind"), cell: (r) => <RelationKindLabel kind={r.kind} label={tk(r.kind)} /> },
          {
            header: t("period"),
            cell: (r) => `${formatDate(r.validFrom)} – ${formatDate(r.validTo!)}`,
            className: "whitespace-nowrap",
          },
          { header: t("source"), cell: (r) => ta(r.sourceAgency) },
        ]}
      />
      {relations.can.create && agency && relations.otherGroups.length > 0 ? (
        <div className="mt-6 border-t border-slate-200 pt-4 print:hidden">
          <h3 className="mb-3 font-semibold">{t("record")}</h3>
          <RecordRelationForm
            groupId={groupId}
            otherGroups={relations.otherGroups.map((g) => ({ value: g.id, label: g.name }))}
            kinds={enumOptions(RELATION_KINDS, (k) => tk(k))}
            agencyName={ta(agency)}
            today={today}
          />
        </div>
      ) : null}
    </Section>
  );
}
