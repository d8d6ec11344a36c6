import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { claimSubmission, fingerprintOf } from "@/lib/form-submissions";
import { SUBMISSION_FIELD } from "@/lib/forms";
import { logFollowUpAction } from "@/lib/followups/actions";
import { IDLE } from "@/lib/form-state";
import { assignAll, makeWorld, type World } from "./fixtures";

/*
 * A form sent again with the same submission key (the browser's retry after the connection
 * dropped, components/ui/form.tsx) gets the first answer and saves nothing twice.
 */

const request = vi.hoisted(() => ({ sessionId: "" }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => (request.sessionId ? { user: {}, expires: "", sessionId: request.sessionId } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "test-request-1" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

/** Where a server action's redirect() would send the browser, or null when it answered. */
async function outcome(run: () => Promise<unknown>): Promise<{ redirect: string | null; state: unknown }> {
  try {
    return { redirect: null, state: await run() };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT;")) throw error;
    return { redirect: digest.split(";")[2]!, state: null };
  }
}

let w: World;
/** The fingerprint of followUpForm's fields as handleForm computes it (no action header in tests). */
const pendingFingerprint = () =>
  fingerprintOf("", { personId: w.person.id, dueOn: yesterday(), summary: "Följ upp arbetsträningen." });
const yesterday = () => new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);

function followUpForm(key: string | null, summary = "Följ upp arbetsträningen.") {
  const data = new FormData();
  data.set("personId", w.person.id);
  data.set("dueOn", yesterday());
  data.set("summary", summary);
  if (key) data.set(SUBMISSION_FIELD, key);
  return data;
}

async function signInAs(role: "PROBATION" | "SOCIAL") {
  request.sessionId = await db.$transaction((tx) => startSession(tx, w.users[role].id));
}

beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  await signInAs("PROBATION");
});

describe("a form submission sent twice", () => {
  it("saves once and answers the retry with the first answer", async () => {
    const key = randomUUID();
    const first = await outcome(() => logFollowUpAction(IDLE, followUpForm(key)));
    expect(first.redirect).toMatch(/^\/follow-ups\/[0-9a-f-]{36}\?saved=created$/);
    const second = await outcome(() => logFollowUpAction(IDLE, followUpForm(key)));
    expect(second.redirect).toBe(first.redirect);
    expect(await db.followUp.count({ where: { personId: w.person.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "CREATE", entityType: "FollowUp" } })).toBe(1);
  });

  it("saves each submission once when every submission has its own key, and twice without keys", async () => {
    await outcome(() => logFollowUpAction(IDLE, followUpForm(randomUUID())));
    await outcome(() => logFollowUpAction(IDLE, followUpForm(randomUUID())));
    expect(await db.followUp.count({ where: { personId: w.person.id } })).toBe(2);
    await outcome(() => logFollowUpAction(IDLE, followUpForm(null)));
    await outcome(() => logFollowUpAction(IDLE, followUpForm(null)));
    expect(await db.followUp.count({ where: { personId: w.person.id } })).toBe(4);
  });

  it("frees the key of a refused submission, so the corrected form saves", async () => {
    const key = randomUUID();
    const refused = followUpForm(key);
    refused.delete("dueOn");
    const answer = await outcome(() => logFollowUpAction(IDLE, refused));
    expect(answer.state).toMatchObject({ status: "error", fieldErrors: { dueOn: "dueOrDoneRequired" } });
    // A rule broken while saving (here: the person no longer on anyone's caseload) frees it too.
    await db.assignment.deleteMany({ where: { personId: w.person.id } });
    expect((await outcome(() => logFollowUpAction(IDLE, followUpForm(key)))).state).toMatchObject({
      formError: "accessReasonRequired",
    });
    await assignAll(w);
    expect((await outcome(() => logFollowUpAction(IDLE, followUpForm(key)))).redirect).toMatch(/saved=created$/);
    expect(await db.followUp.count({ where: { personId: w.person.id } })).toBe(1);
    expect(await db.formSubmission.count()).toBe(1);
  });

  it("says the first is still being saved while it runs, and never hands one user's answer to another", async () => {
    const key = randomUUID();
    expect(await claimSubmission(w.users.PROBATION.id, key, pendingFingerprint())).toBeNull();
    expect((await outcome(() => logFollowUpAction(IDLE, followUpForm(key)))).state).toMatchObject({
      status: "error",
      formError: "submissionPending",
      values: { summary: "Följ upp arbetsträningen." },
    });
    expect(await db.followUp.count()).toBe(0);

    await db.formSubmission.deleteMany();
    const first = await outcome(() => logFollowUpAction(IDLE, followUpForm(key)));
    await signInAs("SOCIAL");
    const other = await outcome(() => logFollowUpAction(IDLE, followUpForm(key, "Socialtjänstens uppföljning.")));
    expect(other.redirect).not.toBe(first.redirect);
    expect(await db.followUp.count()).toBe(2);
  });

  it("keeps a day of submissions: anyone's save removes everyone's older ones", async () => {
    const old = randomUUID();
    await claimSubmission(w.users.SOCIAL.id, old, "x", new Date(Date.now() - 25 * 3600 * 1000));
    await outcome(() => logFollowUpAction(IDLE, followUpForm(randomUUID())));
    expect(await db.formSubmission.findMany({ select: { key: true } })).not.toContainEqual({ key: old });
    expect(await db.formSubmission.count()).toBe(1);
  });

  it("does not answer a corrected form with the first answer: the same key with other input is refused", async () => {
    const key = randomUUID();
    const first = await outcome(() => logFollowUpAction(IDLE, followUpForm(key)));
    expect(first.redirect).toMatch(/saved=created$/);
    const corrected = await outcome(() => logFollowUpAction(IDLE, followUpForm(key, "Rättad sammanfattning.")));
    expect(corrected.state).toMatchObject({
      status: "error",
      formError: "submissionChanged",
      values: { summary: "Rättad sammanfattning." },
    });
    expect(await db.followUp.count({ where: { personId: w.person.id } })).toBe(1);
    // The stored fingerprint is keyed: the summary typed is not in the row in any form.
    const row = await db.formSubmission.findFirstOrThrow({ where: { key } });
    expect(row.fingerprint).not.toContain("arbetsträningen");
    expect(row.fingerprint).not.toBe(fingerprintOf("", {}));
  });
});
