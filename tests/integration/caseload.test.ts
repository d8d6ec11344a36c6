import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getWorkingList } from "@/lib/people/caseload";
import { createAssignment, createFollowUp, createReferral } from "@/prisma/factories";
import { giveConsent, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NOW = new Date("2020-10-10T12:00:00Z");

async function referral(personId: string, closedAt: Date | null = null) {
  return createReferral(db, {
    siteId: w.site.id,
    personId,
    status: closedAt ? "COMPLETED" : "CONTACTED",
    source: "SELF",
    referredAt: day("2020-09-01"),
    closedAt,
    createdById: w.users.SOCIAL.id,
  });
}

describe("each agency's start page", () => {
  it("counts my caseload, my overdue follow-ups and my people's open referrals, through the same rules as the lists", async () => {
    for (const role of ["SOCIAL", "PROBATION", "POLICE"] as const) {
      await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: w.users[role].id, agency: role });
    }
    const followUp = (assignedToId: string, dueOn: string, doneAt: Date | null = null) =>
      createFollowUp(db, {
        siteId: w.site.id,
        personId: w.person.id,
        agency: "PROBATION",
        assignedToId,
        dueOn: day(dueOn),
        doneAt,
        createdById: w.users.PROBATION.id,
      });
    await followUp(w.users.PROBATION.id, "2020-10-01"); // overdue
    await followUp(w.users.PROBATION.id, "2020-10-09"); // overdue
    await followUp(w.users.PROBATION.id, "2020-10-10"); // due today: not yet overdue
    await followUp(w.users.PROBATION.id, "2020-10-01", day("2020-10-02")); // done
    await referral(w.person.id);
    await referral(w.person.id, day("2020-10-01"));
    await referral(w.secondPerson.id); // not on anyone's caseload

    const probation = await getWorkingList({ actor: w.actors.PROBATION, page: 1, now: NOW });
    expect(probation.counts).toEqual({ caseload: 1, overdueFollowUps: 2, openReferrals: 0, consentRequests: 0 });
    const social = await getWorkingList({ actor: w.actors.SOCIAL, page: 1, now: NOW });
    // Probation's follow-ups need consent before social services see them; none are assigned to them anyway.
    expect(social.counts).toEqual({ caseload: 1, overdueFollowUps: 0, openReferrals: 1, consentRequests: 0 });
    const police = await getWorkingList({ actor: w.actors.POLICE, page: 1, now: NOW });
    // The police never see follow-ups (null: not shown); referral status only with consent.
    expect(police.counts).toEqual({ caseload: 1, overdueFollowUps: null, openReferrals: 0, consentRequests: 0 });

    await giveConsent(w, w.person.id, ["SOCIAL", "POLICE", "PROBATION"], { givenOn: day("2020-09-01") });
    expect((await getWorkingList({ actor: w.actors.POLICE, page: 1, now: NOW })).counts.openReferrals).toBe(1);
    expect((await getWorkingList({ actor: w.actors.PROBATION, page: 1, now: NOW })).counts.openReferrals).toBe(1);
  });

  it("is not for managers or administrators", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const)
      await expect(getWorkingList({ actor: w.actors[role], page: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
