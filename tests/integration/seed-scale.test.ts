import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { verifyAuditChain } from "@/lib/audit/verify";
import { parseIdentityNumber } from "@/lib/validation/personnummer";
import { dropDatabase, withDatabase } from "../../scripts/lib/local-db";
import { seedScale } from "../../scripts/seed-scale";

describe("the scale seed", () => {
  it("fills a database of its own with valid, consistent data in the issue's proportions, and its summaries", async () => {
    const url = withDatabase(inject("clusterUrl"), "samverkan_scale_it");
    try {
      const result = await seedScale(url, { people: 2000, until: "2020-10-01" });
      // 2,000 people: 1/50 of the 100,000, so 40 groups, 20,000 activity rows, 400 incidents;
      // the notifications also 2 a day from 2020-09-01 to --until (31 days).
      expect(result.counts).toMatchObject({
        Person: 2200,
        Group: 40,
        CustomNotification: 9800 + 62,
        FollowUp: 5000,
        Referral: 800,
        Incident: 400,
      });
      expect(result.activity).toBe(20_000);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows: people } = await client.query<{ identityNumber: string; birthDate: Date }>(
          `SELECT "identityNumber", "birthDate" FROM "Person" WHERE "anonymisedAt" IS NULL ORDER BY id LIMIT 300`,
        );
        for (const p of people) {
          const parsed = parseIdentityNumber(p.identityNumber);
          expect(parsed, p.identityNumber).not.toBeNull();
          expect(parsed!.birthDate).toBe(p.birthDate.toISOString().slice(0, 10));
        }
        const { rows: duplicates } = await client.query(
          `SELECT "identityNumber" FROM "Person" WHERE "identityNumber" IS NOT NULL GROUP BY 1 HAVING count(*) > 1`,
        );
        expect(duplicates).toEqual([]);
        // Anonymised people as lib/retention leaves them: present, without identity, due when it happened,
        // coordinated by nobody since.
        expect(result.counts["Person (anonymised)"]).toBeGreaterThan(0);
        const { rows: anonymised } = await client.query<Record<string, number>>(`
          SELECT count(*)::int AS n,
            count(*) FILTER (WHERE "firstName" <> '' OR "lastName" <> '' OR "identityNumber" IS NOT NULL OR "identityNumberKind" IS NOT NULL
              OR cardinality(aliases) > 0 OR extract(doy FROM "birthDate") <> 1)::int AS identified,
            count(*) FILTER (WHERE "lastActivityAt" >= "anonymisedAt" - interval '36 months')::int AS early,
            (SELECT count(*) FROM "Assignment" a JOIN "Person" p ON p.id = a."personId"
             WHERE p."anonymisedAt" IS NOT NULL AND a."endedAt" IS NULL)::int AS coordinated,
            (SELECT count(*) FROM "AuditEvent" WHERE action = 'ANONYMISE')::int AS events
          FROM "Person" WHERE "anonymisedAt" IS NOT NULL`);
        expect(anonymised[0]).toEqual({
          n: result.counts["Person (anonymised)"],
          identified: 0,
          early: 0,
          coordinated: 0,
          events: result.counts["Person (anonymised)"],
        });

        // The audit log: 50 events a person, in time order, its hash chain whole by the verifier
        // that recomputes every digest outside the database.
        expect(result.counts.AuditEvent).toBeGreaterThanOrEqual(50 * 2000);
        const { rows: order } = await client.query<{ n: number }>(`
          SELECT count(*)::int AS n FROM (SELECT "occurredAt" < lag("occurredAt") OVER (ORDER BY id) AS back FROM "AuditEvent") x WHERE back`);
        expect(order[0]!.n).toBe(0);
        const chain = await verifyAuditChain(url);
        expect(chain).toMatchObject({ ok: true, checked: result.counts.AuditEvent, firstBreak: null });

        // Every day of --until's month and the month before has a delivered notification.
        const { rows: days } = await client.query<{ n: number }>(`
          SELECT count(DISTINCT ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date)::int AS n FROM "CustomNotification"
          WHERE outcome = 'DELIVERED' AND "occurredAt" >= '2020-09-01' AND "occurredAt" < '2020-10-01 12:00+00'`);
        expect(days[0]!.n).toBe(31);

        // Edited after the load and not vacuumed since: dead rows left in the tables.
        expect(result.deadTuples.CustomNotification).toBeGreaterThan(0);
        expect(result.deadTuples.FollowUp).toBeGreaterThan(0);
        expect(result.deadTuples.Person).toBeGreaterThan(0);
        const { rows: edited } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "CustomNotification" WHERE version > 1`,
        );
        expect(edited[0]!.n).toBeGreaterThan(0);

        // Nothing dated after --until, and the summaries built from the loaded rows.
        const { rows: late } = await client.query(
          `SELECT 1 FROM "CustomNotification" WHERE "occurredAt" > '2020-10-02' LIMIT 1`,
        );
        expect(late).toEqual([]);
        const { rows: sums } = await client.query<Record<string, number>>(`
          SELECT (SELECT sum(people) FROM "CaseloadCount")::int AS caseload,
                 (SELECT count(*) FROM "Assignment" WHERE "endedAt" IS NULL)::int AS assignments,
                 (SELECT sum(incidents) FROM "IncidentMonthCount")::int AS months,
                 (SELECT count(*) FROM "Incident")::int AS incidents,
                 (SELECT sum(notifications) FROM "NotificationDayCount")::int AS days,
                 (SELECT count(*) FROM "CustomNotification")::int AS notifications,
                 (SELECT count(*) FROM "ContactMonth")::int AS "contactMonths",
                 (SELECT count(*) FROM dashboard_contact_month_source)::int AS "contactMonthsOfRecords",
                 (SELECT sum(people) FROM "ContactMonthCount")::int AS "contactCells"`);
        expect(sums[0]!.caseload).toBe(sums[0]!.assignments);
        expect(sums[0]!.months).toBe(sums[0]!.incidents);
        expect(sums[0]!.days).toBe(sums[0]!.notifications);
        expect(sums[0]!.contactMonths).toBe(sums[0]!.contactMonthsOfRecords);
        expect(sums[0]!.contactCells).toBe(sums[0]!.contactMonths);
        expect(sums[0]!.contactMonths).toBeGreaterThan(0);
        // The search columns, which a trigger keeps (off for the load), as the trigger would set them.
        const { rows: search } = await client.query<{ wrong: number }>(`
          SELECT count(*)::int AS wrong FROM "Person"
          WHERE "searchText" IS DISTINCT FROM person_search_text_of("firstName", "lastName", aliases)
             OR "sortName" IS DISTINCT FROM person_sort_name_of("firstName", "lastName")`);
        expect(search[0]!.wrong).toBe(0);
      } finally {
        await client.end();
      }
    } finally {
      await dropDatabase(url);
    }
  }, 180_000);
});
