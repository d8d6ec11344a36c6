import { beforeEach, describe, expect, it } from "vitest";
import { recordAuditNow } from "@/lib/audit";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { aboutPersonSql } from "@/lib/audit-log/about-person";
import { findPersonForAudit, listAuditEvents, listMyActivity, listPersonReaders } from "@/lib/audit-log/queries";
import { parseAuditFilter } from "@/lib/audit-log/schemas";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { makeWorld, type World } from "./fixtures";
import { enLabels, svLabels } from "../labels";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const filter = (params: Record<string, string> = {}) => parseAuditFilter(params).filter;

/** Appends events as they would be at a given time (the trigger leaves occurredAt alone). */
async function eventAt(
  actor: World["actors"]["POLICE"],
  occurredAt: string,
  entry: Parameters<typeof recordAuditNow>[1],
) {
  await db.auditEvent.create({
    data: {
      siteId: actor.siteId,
      actorId: actor.id,
      actorRole: actor.role,
      occurredAt: new Date(occurredAt),
      action: entry.action,
      entityType: entry.entityType,
      personId: entry.personId,
      reason: entry.reason,
      metadata: entry.metadata as Prisma.InputJsonValue | undefined,
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("ADMIN's audit view", () => {
  beforeEach(async () => {
    await eventAt(w.actors.POLICE, "2026-01-10T10:00:00Z", {
      action: "READ",
      entityType: "Person",
      personId: w.person.id,
    });
    await eventAt(w.actors.SOCIAL, "2026-01-20T10:00:00Z", {
      action: "READ",
      entityType: "Person",
      personId: w.person.id,
      reason: "PLANNED_CONTACT",
    });
    await eventAt(w.actors.SOCIAL, "2026-02-01T10:00:00Z", {
      action: "REVEAL_IDENTITY_NUMBER",
      entityType: "Person",
      personId: w.secondPerson.id,
    });
    await eventAt(w.actors.PROBATION, "2026-02-15T10:00:00Z", {
      action: "CREATE",
      entityType: "Consent",
      personId: w.person.id,
    });
    await eventAt(w.otherActor, "2026-01-15T10:00:00Z", {
      action: "READ",
      entityType: "Person",
      personId: w.otherPerson.id,
    });
  });

  it("shows the site's events newest first, with names, and never another site's", async () => {
    const page = await listAuditEvents({ actor: w.actors.ADMIN, filter: filter() });
    expect(page.total).toBe(4);
    expect(page.items.map((r) => [r.action, r.actor?.name, r.person?.label])).toEqual([
      ["CREATE", w.users.PROBATION.name, "Testa Testsson"],
      ["REVEAL_IDENTITY_NUMBER", w.users.SOCIAL.name, "Andra Personsson"],
      ["READ", w.users.SOCIAL.name, "Testa Testsson"],
      ["READ", w.users.POLICE.name, "Testa Testsson"],
    ]);
    // Looking at the log is logged (after the page was read, so it is not on it).
    expect(
      await db.auditEvent.count({ where: { actorId: w.users.ADMIN.id, entityType: "AuditEvent", action: "READ" } }),
    ).toBe(1);
  });

  it("filters by user, person, action and Stockholm dates, on the server", async () => {
    const ids = async (params: Record<string, string>) =>
      (await listAuditEvents({ actor: w.actors.ADMIN, filter: filter(params) })).items.map(
        (r) => r.action + ":" + r.actor?.name,
      );
    expect(await ids({ userId: w.users.SOCIAL.id })).toEqual([
      `REVEAL_IDENTITY_NUMBER:${w.users.SOCIAL.name}`,
      `READ:${w.users.SOCIAL.name}`,
    ]);
    expect(await ids({ personId: w.person.id, action: "READ" })).toEqual([
      `READ:${w.users.SOCIAL.name}`,
      `READ:${w.users.POLICE.name}`,
    ]);
    expect(await ids({ from: "2026-01-20", to: "2026-02-01" })).toEqual([
      `REVEAL_IDENTITY_NUMBER:${w.users.SOCIAL.name}`,
      `READ:${w.users.SOCIAL.name}`,
    ]);
    // The other site's user or person as a filter finds nothing.
    expect(await ids({ userId: w.otherActor.id })).toEqual([]);
    expect(await ids({ personId: w.otherPerson.id })).toEqual([]);
  });

  it("paginates on the server", async () => {
    for (let i = 0; i < 30; i++)
      await eventAt(w.actors.POLICE, `2025-06-01T10:${String(i).padStart(2, "0")}:00Z`, {
        action: "SEARCH",
        entityType: "Person",
      });
    // (By action: the view's own READ events would otherwise join the list between the two pages.)
    const first = await listAuditEvents({ actor: w.actors.ADMIN, filter: filter({ action: "SEARCH" }) });
    const second = await listAuditEvents({ actor: w.actors.ADMIN, filter: filter({ action: "SEARCH", page: "2" }) });
    expect(first).toMatchObject({ total: 30, pageCount: 2, capped: false });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(30);
  });

  it("answers 'who has read this person's file' per user, with the reads outside the caseload", async () => {
    const { person, readers } = await listPersonReaders({ actor: w.actors.ADMIN, personId: w.person.id });
    expect(person).toMatchObject({
      id: w.person.id,
      label: "Testa Testsson",
      maskedIdentityNumber: `${w.person.identityNumber!.slice(0, 8)}-XXXX`,
    });
    expect(readers.map((r) => [r.user?.name, r.reads, r.withReason])).toEqual([
      [w.users.SOCIAL.name, 1, 1],
      [w.users.POLICE.name, 1, 0],
    ]);
    // The review is logged without making ADMIN one of the file's readers.
    const review = await db.auditEvent.findFirstOrThrow({ where: { actorId: w.users.ADMIN.id } });
    expect(review).toMatchObject({ personId: null, metadata: { readersOfPersonId: w.person.id } });
    expect((await listPersonReaders({ actor: w.actors.ADMIN, personId: w.person.id })).readers).toHaveLength(2);
  });

  it("counts the lists, searches and boards that showed the person among the reads", async () => {
    // A search and a group page naming the person only in metadata; a board showing someone else.
    await eventAt(w.actors.PROBATION, "2026-03-01T10:00:00Z", {
      action: "SEARCH",
      entityType: "Person",
      metadata: { query: "q", shownPersonIds: [w.secondPerson.id, w.person.id] },
    });
    await eventAt(w.actors.PROBATION, "2026-03-02T10:00:00Z", {
      action: "READ",
      entityType: "Group",
      metadata: { shownPersonIds: [w.person.id] },
    });
    await eventAt(w.actors.POLICE, "2026-03-03T10:00:00Z", {
      action: "READ",
      entityType: "ReferralBoard",
      metadata: { shownPersonIds: [w.secondPerson.id] },
    });
    const { readers } = await listPersonReaders({ actor: w.actors.ADMIN, personId: w.person.id });
    expect(readers.map((r) => [r.user?.name, r.reads, r.withReason, r.first.toISOString()])).toEqual([
      [w.users.PROBATION.name, 2, 0, "2026-03-01T10:00:00.000Z"],
      [w.users.SOCIAL.name, 1, 1, "2026-01-20T10:00:00.000Z"],
      [w.users.POLICE.name, 1, 0, "2026-01-10T10:00:00.000Z"],
    ]);
  });

  it("finds the events naming a person in metadata through the GIN index, not by reading the whole log", async () => {
    const plan = await db.$transaction(async (tx) => {
      // Few rows here: forbid the sequential scan to see whether the condition can use an index at all.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<
        { "QUERY PLAN": string }[]
      >`EXPLAIN SELECT "id" FROM "AuditEvent" WHERE ${aboutPersonSql(w.person.id)}`;
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("AuditEvent_metadata_idx");
    expect(text).not.toMatch(/Seq Scan/);
  });

  it("finds a person by the full personnummer, and says not found otherwise", async () => {
    expect(await findPersonForAudit({ actor: w.actors.ADMIN, identityNumber: w.person.identityNumber! })).toEqual({
      id: w.person.id,
    });
    await expect(
      findPersonForAudit({ actor: w.actors.ADMIN, identityNumber: w.otherPerson.identityNumber! }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const searches = await db.auditEvent.findMany({
      where: { action: "SEARCH", actorId: w.users.ADMIN.id },
      orderBy: { id: "asc" },
    });
    expect(searches.map((s) => [s.personId, s.metadata])).toEqual([
      [w.person.id, { byIdentityNumber: true, found: true }],
      [null, { byIdentityNumber: true, found: false }],
    ]);
  });

  it("exports the filtered events as CSV, logging the export before any row leaves", async () => {
    await eventAt(w.actors.SOCIAL, "2026-02-20T10:00:00Z", {
      action: "READ",
      entityType: "Person",
      personId: w.person.id,
      reason: '=HYPERLINK("http://x")',
    });
    const { rows, stream } = await exportAuditEvents({
      actor: w.actors.ADMIN,
      filter: filter({ personId: w.person.id }),
      labels: svLabels,
    });
    expect(rows).toBe(4);
    const exportEvent = await db.auditEvent.findFirstOrThrow({ where: { action: "EXPORT" } });
    expect(exportEvent).toMatchObject({
      actorId: w.users.ADMIN.id,
      entityType: "AuditEvent",
      metadata: { rows: 4, format: "csv", filter: { personId: w.person.id, page: 1 } },
    });
    const csv = await readAll(stream);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Nr;Tidpunkt;Användar-id;Användare;Roll;Händelse;Avser;Post-id;Person-id;Skäl;Detaljer;IP-adress;Anrops-id;Föregående hash;Hash",
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(";Läsning;Personakt;;" + w.person.id);
    // A reason a spreadsheet would run as a formula is kept as text.
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain(w.otherPerson.id);
  });

  it("names every code in the reader's language and writes times in Swedish time with the offset", async () => {
    // Winter and summer time, and the autumn's repeated hour twice: the same 02:30 on the wall.
    const times = ["2026-12-02T08:15:00Z", "2026-07-01T22:30:05Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"];
    const entities = ["CallIn", "EnforcementAction", "Group", "Person"] as const;
    for (const [i, at] of times.entries())
      await eventAt(w.actors.POLICE, at, {
        action: "READ",
        entityType: entities[i]!,
        reason: i === 3 ? "PLANNED_CONTACT: möte" : undefined,
      });
    const lines = async (labels: typeof svLabels) =>
      (
        await readAll(
          (await exportAuditEvents({ actor: w.actors.ADMIN, filter: filter({ action: "READ" }), labels })).stream,
        )
      )
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
    const sv = await lines(svLabels);
    // The last four: the world has events of its own.
    const cells = sv.slice(-4).map((l) => l.split(";"));
    expect(cells.map((c) => c[1])).toEqual([
      "2026-12-02T09:15:00+01:00",
      "2026-07-02T00:30:05+02:00",
      "2026-10-25T02:30:00+02:00",
      "2026-10-25T02:30:00+01:00",
    ]);
    expect(cells.map((c) => [c[4], c[5], c[6]])).toEqual([
      ["Polisen", "Läsning", "Stormöte"],
      ["Polisen", "Läsning", "Polisiär åtgärd"],
      ["Polisen", "Läsning", "Gruppering"],
      ["Polisen", "Läsning", "Personakt"],
    ]);
    expect(cells[3]![9]).toBe("Planerat samtal eller möte med personen: möte");
    const codes = /(^|;)(POLICE|READ|CallIn|EnforcementAction|Group|Person|PLANNED_CONTACT)(;|:|$)/;
    expect(sv.filter((l) => codes.test(l))).toEqual([]);
    const en = await lines(enLabels);
    expect(en[0]!.startsWith("No.;Time;User id;User;Role;Action;Concerns;")).toBe(true);
    expect(en.at(-4)).toContain(";Police;Read;Call-in;");
  });

  it("streams exports larger than one batch completely", async () => {
    await db.auditEvent.createMany({
      data: Array.from({ length: 2_100 }, () => ({
        siteId: w.site.id,
        actorId: w.users.POLICE.id,
        actorRole: "POLICE" as const,
        action: "SEARCH" as const,
        entityType: "Person",
      })),
    });
    const { rows, stream } = await exportAuditEvents({
      actor: w.actors.ADMIN,
      filter: filter({ action: "SEARCH" }),
      labels: svLabels,
    });
    expect(rows).toBe(2_100);
    const lines = (await readAll(stream)).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2_101);
    expect(new Set(lines.slice(1).map((l) => l.split(";")[0])).size).toBe(2_100);
  });

  it("is ADMIN's: other roles cannot list the whole log, export it or ask who read a file", async () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      await expect(
        exportAuditEvents({ actor: w.actors[role], filter: filter(), labels: svLabels }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(listPersonReaders({ actor: w.actors[role], personId: w.person.id }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        findPersonForAudit({ actor: w.actors[role], identityNumber: w.person.identityNumber! }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(listAuditEvents({ actor: w.actors.MANAGER, filter: filter() })).rejects.toBeInstanceOf(NotFoundError);
    // An agency's grant is its own actions: the "all events" query narrows to them.
    const own = await listAuditEvents({ actor: w.actors.SOCIAL, filter: filter() }).catch((e: unknown) => e);
    expect(own).toBeInstanceOf(NotFoundError);
  });
});

describe("my own activity", () => {
  it("shows an agency user their own events only, naming people they may still see", async () => {
    await recordAuditNow(w.actors.SOCIAL, { action: "READ", entityType: "Person", personId: w.person.id });
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    await db.person.update({ where: { id: w.secondPerson.id }, data: { anonymisedAt: new Date() } });
    await recordAuditNow(w.actors.SOCIAL, { action: "READ", entityType: "Person", personId: w.secondPerson.id });
    const page = await listMyActivity({ actor: w.actors.SOCIAL, page: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((r) => [r.actor?.id, r.person?.label ?? null])).toEqual([
      [w.users.SOCIAL.id, null],
      [w.users.SOCIAL.id, "Testa Testsson"],
    ]);
  });

  it("shows ADMIN only their own there too, and nothing to managers", async () => {
    await recordAuditNow(w.actors.POLICE, { action: "SEARCH", entityType: "Person" });
    expect((await listMyActivity({ actor: w.actors.ADMIN, page: 1 })).total).toBe(0);
    await expect(listMyActivity({ actor: w.actors.MANAGER, page: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
