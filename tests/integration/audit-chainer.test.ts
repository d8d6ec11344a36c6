import { afterEach, describe, expect, it } from "vitest";
import { recordAuditNow } from "@/lib/audit";
import { startAuditChainer, stopAuditChainer } from "@/lib/audit/chainer";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { makeWorld } from "./fixtures";
import { testDatabaseUrl } from "./database";

afterEach(async () => {
  await stopAuditChainer();
});

/** Polls until the queue is empty; the bound only keeps a broken chainer from hanging the run. */
async function untilChained(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await db.auditPending.count()) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the chainer left events queued");
}

describe("the app's chainer", () => {
  it("does nothing until started: scripts and tests chain when they need to", async () => {
    const w = await makeWorld();
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await db.auditPending.count()).toBe(1);
  });

  it("once started, links what was queued before and what is appended after, without being asked", async () => {
    const w = await makeWorld();
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    startAuditChainer();
    await untilChained();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAuditNow(i % 2 ? w.actors.POLICE : w.actors.SOCIAL, { action: "READ", entityType: "Person" }),
      ),
    );
    await untilChained();
    expect(await db.auditChain.count()).toBe(26);
    expect(await verifyAuditChain(testDatabaseUrl())).toMatchObject({ ok: true, checked: 26, pending: 0 });
  });
});
