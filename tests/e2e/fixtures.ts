import { randomUUID } from "node:crypto";
import { toStockholmInputValue } from "@/lib/validation/dates";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { require as tsxRequire } from "tsx/cjs/api";
import { seal } from "@/lib/auth/secret-box";
import { newTotpSecret } from "@/lib/auth/totp";
import type * as GeneratedClient from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { acceptCurrentPledge, createPerson, createUser } from "@/prisma/factories";
import { e2eDatabaseUrl } from "../../scripts/lib/e2e-db";
import { appSecrets, clusterUrl } from "../../scripts/lib/local-db";

/*
 * The end-to-end tests' fixtures: accounts of a test's own, look-ups in the end-to-end database
 * (the one scripts/e2e-server.ts seeds), and what a journey types into date fields or reads from
 * links. The sign-in flows are in helpers.ts.
 */

// ───────────────────────────── the database ─────────────────────────────

let pool: pg.Pool | undefined;

/** The end-to-end database, for look-ups and for the few checks that read what the app wrote. */
export async function e2eDb(): Promise<pg.Pool> {
  pool ??= new pg.Pool({ connectionString: e2eDatabaseUrl(await clusterUrl("test")), max: 2 });
  return pool;
}

export async function query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await (await e2eDb()).query<T>(sql, params)).rows;
}

/**
 * A Prisma client over `db`, as lib/db.ts builds the app's, for the factories (`$disconnect`
 * leaves the pool open). Playwright compiles the tests to CommonJS, in which the generated client
 * cannot load (it reads `import.meta.url`): it is loaded through tsx, as scripts/ and the seed
 * load it. Once per worker, a few seconds.
 */
function prismaOver(db: pg.Pool): GeneratedClient.PrismaClient {
  const { PrismaClient } = tsxRequire(
    path.resolve(__dirname, "../../lib/generated/prisma/client.ts"),
    __filename,
  ) as typeof GeneratedClient;
  return new PrismaClient({ adapter: new PrismaPg(db) });
}

// ───────────────────────────── accounts ─────────────────────────────

/*
 * Accounts of a test's own, for the tests that change an account (lock it out, deactivate it,
 * change its password, enrol it): the demo accounts everybody's tests sign in with must never
 * change. Made by the same user factory as the seed's and the integration tests' users.
 */

export type TestAccount = { id: string; email: string; name: string; password: string; secret: string | null };

export const TEST_ACCOUNT_PASSWORD = "e2e lösenord som är långt";

/**
 * A Malmö account with a TOTP secret (unless `enrolled: false`, for the first-login enrolment),
 * that has accepted Malmö's current confidentiality pledge (unless `pledged: false`, to meet the gate).
 */
export async function createAccount({
  role,
  enrolled = true,
  pledged = true,
  db: given,
}: {
  role: Role;
  enrolled?: boolean;
  pledged?: boolean;
  /** Another database than the end-to-end one (a test's own PostgreSQL server), holding a site `malmo`. */
  db?: pg.Pool;
}): Promise<TestAccount> {
  const prisma = prismaOver(given ?? (await e2eDb()));
  try {
    const id = randomUUID();
    const email = `e2e-${id.slice(0, 8)}@malmo.samverkan.test`;
    const name = `Testperson ${id.slice(0, 4).toUpperCase()}`;
    const secret = enrolled ? newTotpSecret() : null;
    // Sealed as lib/auth/totp-store.ts seals it, with the key the app under test was started with.
    const sealed = secret ? seal((await appSecrets()).TOTP_ENCRYPTION_KEY, "totp-secret", secret) : null;
    const site = await prisma.site.findUniqueOrThrow({ where: { code: "malmo" }, select: { id: true } });
    await createUser(prisma, {
      id,
      siteId: site.id,
      email,
      name,
      role,
      password: TEST_ACCOUNT_PASSWORD,
      totpSecret: sealed,
      totpEnabledAt: sealed ? new Date() : null,
    });
    if (pledged) await acceptCurrentPledge(prisma, { siteId: site.id, userIds: [id] });
    return { id, email, name, password: TEST_ACCOUNT_PASSWORD, secret };
  } finally {
    await prisma.$disconnect();
  }
}

/** Moves the account's sessions' last activity back in time, as if the user had left the desk. */
export async function ageSessions(userId: string, minutes: number): Promise<number> {
  const result = await (
    await e2eDb()
  ).query(`UPDATE "Session" SET "lastSeenAt" = now() - make_interval(mins => $2) WHERE "userId" = $1`, [
    userId,
    minutes,
  ]);
  return result.rowCount ?? 0;
}

/**
 * A Malmö person of a test's own (made by the person factory, recorded by the demo police
 * coordinator), for a journey that adds records to a person's file without touching the demo people.
 */
export async function createTestPerson(): Promise<{ id: string; name: string }> {
  const prisma = prismaOver(await e2eDb());
  try {
    const site = await prisma.site.findUniqueOrThrow({ where: { code: "malmo" }, select: { id: true } });
    const police = await prisma.user.findUniqueOrThrow({
      where: { email: "polis@malmo.samverkan.test" },
      select: { id: true },
    });
    const suffix = randomUUID().slice(0, 6).toUpperCase();
    const person = await createPerson(prisma, {
      siteId: site.id,
      createdById: police.id,
      firstName: "Testa",
      lastName: `Besöksson ${suffix}`,
      identityNumber: null,
    });
    return { id: person.id, name: `${person.firstName} ${person.lastName}` };
  } finally {
    await prisma.$disconnect();
  }
}

// ───────────────────────────── the demo data ─────────────────────────────

/*
 * Read-only look-ups of the demo records a journey needs (the visit with two agencies' notes, a
 * given person) without depending on the order of a list. Tests change data through the browser.
 */

export type DemoPerson = { id: string; name: string; identityNumber: string };

/** Person number `i` of prisma/seed/demo.ts (its personnummer's serial is 100 + 3i, stored +1). */
export async function demoPerson(i: number): Promise<DemoPerson> {
  const serial = String(((100 + 3 * i) % 999) + 1).padStart(3, "0");
  const rows = await query<DemoPerson>(
    `SELECT p.id, p."firstName" || ' ' || p."lastName" AS name, p."identityNumber" AS "identityNumber"
       FROM "Person" p JOIN "Site" s ON s.id = p."siteId"
      WHERE s.code = 'malmo' AND substr(p."identityNumber", 9, 3) = $1`,
    [serial],
  );
  if (rows.length !== 1) throw new Error(`demo person ${i}: ${rows.length} matches`);
  return rows[0]!;
}

/** The demo visit that carries both the police's and social services' internal notes. */
export async function visitWithTwoNotes(): Promise<{ personId: string; policeNote: string; socialNote: string }> {
  const rows = await query<{ personId: string; agency: string; body: string }>(
    `SELECT n."personId" AS "personId", i.agency, i.body
       FROM "InternalNote" i JOIN "CustomNotification" n ON n.id = i."notificationId"
      WHERE i."notificationId" IN (SELECT "notificationId" FROM "InternalNote" GROUP BY "notificationId" HAVING count(DISTINCT agency) = 2)
      ORDER BY i.agency`,
  );
  const police = rows.find((r) => r.agency === "POLICE");
  const social = rows.find((r) => r.agency === "SOCIAL");
  if (!police || !social) throw new Error("the demo data has no visit with two agencies' notes");
  return { personId: police.personId, policeNote: police.body, socialNote: social.body };
}

// ───────────────────────────── dates and links ─────────────────────────────

/** A Stockholm date and time `days` from now, as a datetime-local field takes it. */
export function dateTimeIn(days: number): string {
  return toStockholmInputValue(new Date(Date.now() + days * 86_400_000));
}

/** A Stockholm calendar date `days` from today, as a date field takes it. */
export function dateIn(days: number): string {
  return dateTimeIn(days).slice(0, 10);
}

/** The id at the end of a link's href (/people/<id>). */
export async function idFromLink(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const href = await link.getAttribute("href");
  const id = href?.split("/").pop()?.split("?")[0];
  expect(id, "link to a record").toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

/** Nothing on the page overflows sideways (phone width). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
