import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { GroupMap } from "@/lib/group-relations/queries";
import { MAP_SIZE } from "@/lib/group-relations/layout";
import { formatDate } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { RelationKindLabel } from "./group-relations";

/*
 * The picture of the groups and their conflicts, drawn on the server as SVG (no script): the groups
 * on a circle (lib/group-relations/layout.ts), conflicts as solid red lines and alliances as dashed
 * blue ones, so that the kind never rests on colour alone; the legend says both, and the table
 * below holds the same for a screen reader, a keyboard and paper, with the links to the groups (an
 * image with links inside is an interactive control nested in a picture: the links are the table's).
 */

const STYLE = {
  RIVALRY: { stroke: "#b91c1c", dash: undefined, width: 3 },
  ALLIANCE: { stroke: "#1d4ed8", dash: "10 6", width: 3 },
} as const;

// Room for the names beside the circle: they stand outside it, left and right.
const PAD_X = 170;
const PAD_Y = 30;
const VIEW_BOX = `${-PAD_X} ${-PAD_Y} ${MAP_SIZE + 2 * PAD_X} ${MAP_SIZE + 2 * PAD_Y}`;

export async function GroupMapPicture({ map }: { map: GroupMap }) {
  const [t, tk] = await Promise.all([getTranslations("groupMap"), getTranslations("relationKind")]);
  if (map.nodes.length === 0) return <p className="mb-6">{t("noGroups")}</p>;
  const at = new Map(map.nodes.map((n) => [n.id, n]));
  const conflicts = map.relations.filter((r) => r.kind === "RIVALRY").length;
  const description = t("pictureDescription", {
    groups: map.nodes.length,
    conflicts,
    alliances: map.relations.length - conflicts,
  });
  return (
    <figure className="mb-6 rounded-lg border border-slate-300 bg-white p-4 print:break-inside-avoid">
      <svg
        role="img"
        aria-labelledby="group-map-title group-map-desc"
        viewBox={VIEW_BOX}
        className="mx-auto h-auto w-full max-w-4xl"
      >
        <title id="group-map-title">{t("pictureTitle")}</title>
        <desc id="group-map-desc">{description}</desc>
        <g>
          {map.relations.map((r) => {
            const a = at.get(r.a.id)!;
            const b = at.get(r.b.id)!;
            const style = STYLE[r.kind];
            return (
              <line
                key={r.id}
                data-kind={r.kind}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke={style.stroke}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
              >
                <title>{`${r.a.name} – ${r.b.name}: ${tk(r.kind)}`}</title>
              </line>
            );
          })}
        </g>
        <g>
          {map.nodes.map((n) => (
            <g key={n.id}>
              <circle
                cx={n.x}
                cy={n.y}
                r={n.isPrioritized ? 13 : 10}
                fill={n.isPrioritized ? "#fde68a" : "#f1f5f9"}
                stroke="#0f172a"
                strokeWidth={n.isPrioritized ? 4 : 1.5}
              />
              <text
                x={n.labelX}
                y={n.labelY}
                textAnchor={n.anchor}
                fontSize="15"
                fontWeight={n.isPrioritized ? 700 : 400}
                fill="#0f172a"
              >
                {n.isPrioritized ? `★ ${n.name}` : n.name}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption>
        <h2 className="mt-3 mb-1 font-semibold">{t("legend")}</h2>
        <ul className="flex flex-col gap-1 text-sm sm:flex-row sm:flex-wrap sm:gap-x-6">
          {(["RIVALRY", "ALLIANCE"] as const).map((kind) => (
            <li key={kind} className="flex items-center gap-2">
              <svg aria-hidden="true" width="40" height="10" viewBox="0 0 40 10">
                <line
                  x1="0"
                  y1="5"
                  x2="40"
                  y2="5"
                  stroke={STYLE[kind].stroke}
                  strokeWidth={STYLE[kind].width}
                  strokeDasharray={STYLE[kind].dash}
                />
              </svg>
              {kind === "RIVALRY" ? t("legendConflict") : t("legendAlliance")}
            </li>
          ))}
          <li className="flex items-center gap-2">
            <svg aria-hidden="true" width="30" height="30" viewBox="0 0 30 30">
              <circle cx="15" cy="15" r="11" fill="#fde68a" stroke="#0f172a" strokeWidth="4" />
            </svg>
            {t("legendPrioritized")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

/** The map's table alternative: every relation in force, A–Z by the first group. */
export async function GroupMapTable({ map }: { map: GroupMap }) {
  const [t, tk, ta, tr] = await Promise.all([
    getTranslations("groupMap"),
    getTranslations("relationKind"),
    getTranslations("agencies"),
    getTranslations("groupRelations"),
  ]);
  const group = (g: { id: string; name: string; isPrioritized: boolean }) => (
    <>
      <Link href={`/groups/${g.id}`} className="font-medium">
        {g.name}
      </Link>
      {g.isPrioritized ? <span className="ml-1 text-sm">({tr("prioritized")})</span> : null}
    </>
  );
  return (
    <Section id="relations-table" title={t("table")} framed={false}>
      <DataTable
        caption={t("table")}
        empty={t("empty")}
        rows={map.relations}
        rowKey={(r) => r.id}
        columns={[
          { header: t("groupA"), primary: true, cell: (r) => group(r.a) },
          { header: t("groupB"), cell: (r) => group(r.b) },
          { header: t("kind"), cell: (r) => <RelationKindLabel kind={r.kind} label={tk(r.kind)} /> },
          { header: t("since"), cell: (r) => formatDate(r.validFrom), className: "whitespace-nowrap" },
          { header: t("source"), cell: (r) => ta(r.sourceAgency) },
        ]}
      />
    </Section>
  );
}
