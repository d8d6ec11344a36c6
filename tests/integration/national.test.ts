import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { listAuditEvents } from "@/lib/audit-log/queries";
import { getDashboard, getDashboardFigures } from "@/lib/dashboard/queries";
import { band, BELOW_BAND, type Banded } from "@/lib/dashboard/suppress";
import type { Translate } from "@/lib/dashboard/tables";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { exportNationalCsv, getNational, getNationalFigures } from "@/lib/national/queries";
import { measuresOf } from "@/lib/national/view";
import { findPeople, getPersonFile } from "@/lib/people/queries";
import sv from "@/messages/sv";
import { acceptCurrentPledge, createNotification, createPerson, createSite, createUser } from "@/prisma/factories";
import { makeWorld, type World } from "./fixtures";

/*
 * The national view (issue 16, docs/decisions/015): every site's dashboard figures side by side,
 * as the site's own dashboard computes and shows them, and a total that tells no more than the
 * sites' bands. Crafted data: one site with 2 people sought out in September, the others with 17
 * and 23 (and 1, 16 and 21 in August, the comparison period).
 */

const NOW = new Date("2020-10-15T10:00:00Z");
const SEPTEMBER = { period: "custom", from: "2020-09", to: "2020-09" };
const t = createTranslator({ locale: "sv", messages: sv, namespace: "national" }) as unknown as Translate;
const td = createTranslator({ locale: "sv", messages: sv, namespace: "dashboard" }) as unknown as Translate;

let w: World;
let national: Actor;
/** The sites in the view's order (by name) with their managers and the crafted counts. */
let sites: { id: string; name: string; manager: Actor; august: number; september: number }[];

async function soughtOut(siteId: string, createdById: string, month: string, people: number) {
  for (let i = 0; i < people; i++) {
    const person = await createPerson(db, { siteId, createdById });
    await createNotification(db, {
      siteId,
      personId: person.id,
      createdById,
      createdByAgency: "POLICE",
      outcome: "DELIVERED",
      occurredAt: new Date(`${month}-${String(2 + (i % 25)).padStart(2, "0")}T10:00:00Z`),
    });
  }
}

beforeEach(async () => {
  w = await makeWorld();
  national = w.actors.NATIONAL;
  const third = await createSite(db, { name: "Göteborg (test)" });
  const crafted = [
    { site: w.site, august: 1, september: 2 },
    { site: w.otherSite, august: 16, september: 17 },
    { site: third, august: 21, september: 23 },
  ];
  sites = [];
  for (const c of crafted) {
    const manager = await createUser(db, { siteId: c.site.id, role: "MANAGER" });
    const police = await createUser(db, { siteId: c.site.id, role: "POLICE" });
    await acceptCurrentPledge(db, { siteId: c.site.id, userIds: [manager.id, police.id] });
    await soughtOut(c.site.id, police.id, "2020-08", c.august);
    await soughtOut(c.site.id, police.id, "2020-09", c.september);
    sites.push({ id: c.site.id, name: c.site.name, manager: actorOf(manager), ...c });
  }
  sites.sort((a, b) => a.name.localeCompare(b.name));
});

describe("the national view", () => {
  it("shows each site's figures exactly as that site's own dashboard computes and shows them", async () => {
    const exact = await getNationalFigures({ actor: national, params: SEPTEMBER, now: NOW });
    expect(exact.sites.map((s) => s.id)).toEqual(sites.map((s) => s.id));
    const { view } = await getNational({ actor: national, params: SEPTEMBER, now: NOW });
    for (const [i, site] of sites.entries()) {
      const own = await getDashboardFigures({ actor: site.manager, params: SEPTEMBER, now: NOW });
      expect(exact.current[i], site.name).toEqual(measuresOf(own.current));
      expect(exact.previous![i], site.name).toEqual(measuresOf(own.previous!));
      expect(exact.current[i]!.soughtOut).toBe(site.september);
      // The banded cells are the site dashboard's cells.
      const shown = (await getDashboard({ actor: site.manager, params: SEPTEMBER, now: NOW })).view;
      const row = (m: string) => view.current.rows.find((r) => r.measure === m)!;
      expect(row("soughtOut").sites[i]).toBe(shown.reach.soughtOut.current);
      expect(row("reached").sites[i]).toBe(shown.reach.reached.current);
      expect(view.previous!.rows.find((r) => r.measure === "soughtOut")!.sites[i]).toBe(shown.reach.soughtOut.previous);
    }
  });

  it("gives the attacker no combination that pins the small site below five possible values", async () => {
    // Everything the national user can read: September, August, and August–September together,
    // each with its comparison, on the page and in the CSV.
    const reads = [
      SEPTEMBER,
      { period: "custom", from: "2020-08", to: "2020-08" },
      { period: "custom", from: "2020-08", to: "2020-09" },
    ];
    const shown: { from: string; to: string; sites: Banded[]; total: Banded }[] = [];
    for (const params of reads) {
      const { view } = await getNational({ actor: national, params, now: NOW });
      for (const p of [view.current, view.previous]) {
        if (!p) continue;
        const row = p.rows.find((r) => r.measure === "soughtOut")!;
        shown.push({
          from: p.period.from.slice(0, 7),
          to: p.period.to.slice(0, 7),
          sites: row.sites,
          total: row.total,
        });
      }
      const csv = await exportNationalCsv({ actor: national, params, part: "current", t, td, now: NOW });
      const line = csv.body.split("\r\n").find((l) => l.startsWith(td("reach.soughtOut")))!;
      const row = view.current.rows.find((r) => r.measure === "soughtOut")!;
      expect(line.split(";").slice(1)).toEqual([...row.sites, row.total]);
    }
    const small = sites.findIndex((s) => s.september === 2);
    expect(shown.find((s) => s.from === "2020-09" && s.to === "2020-09")!.sites[small]).toBe(BELOW_BAND);
    expect(shown.find((s) => s.from === "2020-09" && s.to === "2020-09")!.total).toBe("35–47");

    // The solver: cells are (site, month) counts for August and September; every read is a sum of
    // cells (each person is sought out once, so unique people add up here). Try every assignment
    // in a wide range and keep those consistent with every figure shown, the totals included.
    const months = ["2020-08", "2020-09"];
    const cellsOf = (from: string, to: string) =>
      months.map((m, k) => (m >= from && m <= to ? k : -1)).filter((k) => k >= 0);
    const shownTotal = (values: number[][], from: string, to: string) =>
      // The total as the view computes it: from the sites' bands (decision 015).
      values.map((v) => band(cellsOf(from, to).reduce((s, k) => s + v[k]!, 0)));
    const consistent = (values: number[][]) =>
      shown.every((s) => {
        const bands = shownTotal(values, s.from, s.to);
        return bands.every((b, i) => b === s.sites[i]) && totalOf(bands) === s.total;
      });
    const totalOf = (bands: Banded[]) => {
      const low = bands.reduce((sum, b) => sum + (b === BELOW_BAND ? 0 : Number.parseInt(b, 10)), 0);
      const high = low + bands.length * 4;
      return low === 0 && high === 4 ? BELOW_BAND : `${low}–${high}`;
    };
    const possible = new Set<string>();
    const truth = sites.map((s) => [s.august, s.september]);
    // Even an attacker who knows the other sites' exact counts: the small site's two cells are free.
    for (let a = 0; a <= 30; a++)
      for (let b = 0; b <= 30; b++) {
        const values = truth.map((v, i) => (i === small ? [a, b] : v));
        if (consistent(values)) possible.add(`${a},${b}`);
      }
    const septemberValues = new Set([...possible].map((p) => Number(p.split(",")[1])));
    expect([...septemberValues].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4]);
    const augustValues = new Set([...possible].map((p) => Number(p.split(",")[0])));
    expect(augustValues.size).toBeGreaterThanOrEqual(5);
  });

  it("exports a period as the page shows it, banded, and audits reads and exports as the dashboard does", async () => {
    const file = await exportNationalCsv({ actor: national, params: SEPTEMBER, part: "current", t, td, now: NOW });
    expect(file.fileName).toBe("samverkan-national-current-2020-09-01-2020-09-30.csv");
    const lines = file.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(["Mått", ...sites.map((s) => s.name), "Totalt"].join(";"));
    const expected = sites.map((s) => band(s.september));
    expect(lines).toContain([td("reach.soughtOut"), ...expected, "35–47"].join(";"));
    // No exact count of the crafted ones appears anywhere.
    for (const cell of lines.slice(1).flatMap((l) => l.split(";").slice(1))) expect(cell).toMatch(/^(<5|\d+–\d+)$/);
    const events = await db.auditEvent.findMany({ where: { actorId: national.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityType])).toEqual([["EXPORT", "Statistics"]]);
    expect(events[0]!.metadata).toMatchObject({ audience: "national", from: "2020-09-01", to: "2020-09-30", sites: 3 });
    expect(events[0]!.entityId).toBeNull();
    await getNational({ actor: national, params: SEPTEMBER, now: NOW });
    expect(
      await db.auditEvent.count({ where: { actorId: national.id, action: "READ", entityType: "Statistics" } }),
    ).toBe(1);
    await expect(
      exportNationalCsv({ actor: national, params: SEPTEMBER, part: "people", t, td, now: NOW }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is nobody else's: every other role gets not found, and nothing is audited", async () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const) {
      await expect(getNational({ actor: w.actors[role], params: SEPTEMBER, now: NOW }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        exportNationalCsv({ actor: w.actors[role], params: SEPTEMBER, part: "current", t, td, now: NOW }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.auditEvent.count({ where: { entityType: "Statistics" } })).toBe(0);
  });

  it("gives the national team not found on every person, the site dashboard and the audit log", async () => {
    await expect(getPersonFile({ actor: national, personId: w.person.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPersonFile({ actor: national, personId: w.otherPerson.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(findPeople({ actor: national, query: { q: "Testa", page: 1 } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDashboard({ actor: national, params: SEPTEMBER, now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAuditEvents({ actor: national, filter: { page: 1 } })).rejects.toBeInstanceOf(NotFoundError);
    // Nothing about a person was logged for it, since nothing was shown.
    expect(await db.auditEvent.count({ where: { actorId: national.id } })).toBe(0);
  });
});
