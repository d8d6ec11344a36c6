import { beforeEach, describe, expect, it } from "vitest";
import { getAccessPrompt, requirePersonAccess } from "@/lib/caseload-gate";
import { revealIdentityNumber } from "@/lib/people/reveal";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { listAuditEvents, listMyActivity, listPersonReaders } from "@/lib/audit-log/queries";
import { ACTIONS, canSeeIncidentPeople, grantFor, incidentWhere, RESOURCES, statisticsSiteId } from "@/lib/authz";
import * as scopes from "@/lib/authz/scopes";
import { recordConsent, withdrawConsent } from "@/lib/consent/mutations";
import { getConsentOverview } from "@/lib/consent/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { recordDisclosures } from "@/lib/disclosure";
import { NotFoundError } from "@/lib/errors";
import { logNotification } from "@/lib/notifications/mutations";
import { getNotificationFormOptions } from "@/lib/notifications/queries";
import { findCaseload, findPeople, getPersonFile } from "@/lib/people/queries";
import { getRegisterExtract } from "@/lib/register-extract";
import { produceRegisterExtract, registerExtractRequest } from "@/lib/register-extract/mutations";
import { anonymisePerson } from "@/lib/retention/mutations";
import { listRetentionReview } from "@/lib/retention/queries";
import { createNotification, createRegisterExtractRequest } from "@/prisma/factories";
import { giveConsent, makeWorld, recordsOfEveryKind, type World } from "./fixtures";
import { svLabels } from "../labels";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe("managers see aggregates only, never an individual record", () => {
  it("holds no grant in the permission map but statistics (aggregate), incidents (events without people) and deciding register extract requests", () => {
    for (const resource of RESOURCES) {
      for (const action of ACTIONS) {
        const scope = grantFor("MANAGER", resource, action);
        if (resource === "statistics" && (action === "read" || action === "export")) expect(scope).toBe("aggregate");
        else if (resource === "incident" && ["list", "read", "export"].includes(action)) expect(scope).toBe("site");
        // The second pair of eyes on an access request (docs/decisions/007): never the extract itself.
        else if (resource === "registerExtract" && ["list", "read", "update"].includes(action))
          expect(scope).toBe("site");
        // Vetted access (issue 14): the pledge read and accepted like everyone, and the periodic
        // review of accounts (who holds which role, last sign-in, activity; never case content).
        else if (resource === "pledge" && action === "read") expect(scope).toBe("site");
        else if (resource === "pledgeAcceptance" && action === "create") expect(scope).toBe("own");
        else if (resource === "accessReview" && ["list", "read", "create"].includes(action)) expect(scope).toBe("site");
        else expect(scope, `MANAGER ${resource} ${action}`).toBeNull();
      }
    }
  });

  it("is refused by every where-builder of lib/authz, including any added later", () => {
    const manager = w.actors.MANAGER;
    const builders = Object.entries(scopes).filter(
      ([name, fn]) => typeof fn === "function" && name.endsWith("Where") && name !== "coveringConsentWhere",
    );
    expect(builders.length).toBeGreaterThanOrEqual(18);
    for (const [name, build] of builders) {
      const call = () => (build as (actor: typeof manager, ...rest: unknown[]) => unknown)(manager, "read", "read");
      if (name === "incidentWhere") expect(call()).toEqual({ siteId: w.site.id });
      // The requests a manager decides: who asked and how they were identified, no case content.
      else if (name === "extractRequestWhere") expect(call()).toEqual({ siteId: w.site.id });
      // Vetted access: the site's pledge, and the accounts and reviews of the access review.
      else if (["pledgeWhere", "accessReviewWhere", "reviewedUserWhere"].includes(name))
        expect(call(), name).toEqual({ siteId: w.site.id });
      else if (name === "protectedLocationWhere" || name === "personLocationWhere") expect(call(), name).toBeNull();
      else expect(call, name).toThrow(NotFoundError);
    }
    expect(canSeeIncidentPeople(manager)).toBe(false);
    expect(statisticsSiteId(manager)).toBe(w.site.id);
    expect(incidentWhere(manager, "list")).toEqual({ siteId: w.site.id });
  });

  it("is answered 'not found' by every domain function that returns or changes individual records", async () => {
    const records = await recordsOfEveryKind(w);
    const consent = await giveConsent(w, w.person.id, ["POLICE", "SOCIAL", "PROBATION"]);
    const actor = w.actors.MANAGER;
    const personId = w.person.id;
    // Approved by the manager themself: the extract is still the administrator's alone to produce.
    const extractRequest = await createRegisterExtractRequest(db, {
      siteId: w.site.id,
      personId,
      reference: "KS 1",
      registeredById: w.users.ADMIN.id,
      status: "APPROVED",
      decidedById: w.users.MANAGER.id,
      decidedAt: new Date(),
    });
    const calls: [string, () => Promise<unknown>][] = [
      ["findPeople", () => findPeople({ actor, query: { q: "", page: 1 } })],
      ["findCaseload", () => findCaseload({ actor, page: 1 })],
      ["getPersonFile", () => getPersonFile({ actor, personId })],
      [
        "requirePersonAccess",
        () => requirePersonAccess({ actor, personId, reason: { code: "OTHER", text: "statistik" } }),
      ],
      ["getAccessPrompt", () => getAccessPrompt({ actor, personId })],
      ["revealIdentityNumber", () => revealIdentityNumber({ actor, personId })],
      ["getNotificationFormOptions", () => getNotificationFormOptions({ actor, personId })],
      [
        "logNotification",
        () =>
          logNotification({
            actor,
            input: {
              personId,
              occurredAt: new Date(),
              placeType: "HOME",
              placeDescription: undefined,
              agencies: ["POLICE"],
              participantIds: [],
              outcome: "ATTEMPTED",
              response: undefined,
              askedForHelpOnSite: false,
              nextStep: undefined,
              internalNote: undefined,
            },
          }),
      ],
      ["getConsentOverview", () => getConsentOverview({ actor, personId })],
      [
        "recordConsent",
        () =>
          recordConsent({
            actor,
            input: {
              personId,
              coverage: ["SOCIAL:REFERRAL_STATUS:POLICE"],
              documentReference: "y",
              givenOn: new Date("2026-01-01"),
              guardianConsent: false,
            },
          }),
      ],
      ["withdrawConsent", () => withdrawConsent({ actor, input: { consentId: consent.id, version: 1 } })],
      [
        "recordDisclosures",
        () =>
          recordDisclosures(actor, [
            {
              personId,
              fromAgency: "SOCIAL",
              kind: "REFERRAL_STATUS",
              entityType: "ReferralStatus",
              entityId: records.referral.id,
            },
          ]),
      ],
      ["listAuditEvents", () => listAuditEvents({ actor, filter: { page: 1 } })],
      ["exportAuditEvents", () => exportAuditEvents({ actor, filter: { page: 1 }, labels: svLabels })],
      ["listMyActivity", () => listMyActivity({ actor, page: 1 })],
      ["listPersonReaders", () => listPersonReaders({ actor, personId })],
      [
        "getRegisterExtract",
        () => getRegisterExtract({ actor, personId, requestId: extractRequest.id, format: "json" }),
      ],
      [
        "registerExtractRequest",
        () =>
          registerExtractRequest({
            actor,
            input: {
              personId,
              requester: "DATA_SUBJECT",
              requesterName: undefined,
              receivedOn: new Date("2026-11-30"),
              identityCheck: "E_IDENTIFICATION",
              identityCheckNote: undefined,
              reference: "KS 1",
            },
          }),
      ],
      ["produceRegisterExtract", () => produceRegisterExtract({ actor, input: { requestId: extractRequest.id } })],
      ["listRetentionReview", () => listRetentionReview({ actor, page: 1 })],
      ["anonymisePerson", () => anonymisePerson({ actor, input: { personId, version: 1 } })],
    ];
    for (const [name, call] of calls) await expect(call(), name).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { actorId: w.users.MANAGER.id } })).toBe(0);
    expect(await db.disclosure.count()).toBe(0);
  });

  it("gets the dashboard as counts in bands of five, and no id of anyone", async () => {
    const now = new Date();
    const delivered = (personId: string, askedForHelpOnSite = false) =>
      createNotification(db, {
        siteId: w.site.id,
        personId,
        createdById: w.users.POLICE.id,
        createdByAgency: "POLICE",
        occurredAt: now,
        askedForHelpOnSite,
      });
    await delivered(w.person.id, true);
    const dashboard = async () =>
      (await getDashboard({ actor: w.actors.MANAGER, params: { period: "year" }, now })).view;
    const small = await dashboard();
    expect([small.reach.visits.current, small.reach.soughtOut.current, small.reach.askedForHelp.current]).toEqual([
      "<5",
      "<5",
      "<5",
    ]);
    await delivered(w.secondPerson.id);
    await delivered(w.person.id);
    for (let i = 0; i < 4; i++) {
      const another = await db.person.create({
        data: { siteId: w.site.id, firstName: "Fler", lastName: `Person${i}`, createdById: w.users.POLICE.id },
      });
      await delivered(another.id);
    }
    const overview = await dashboard();
    // 7 visits, 6 people, 1 asked for help.
    expect([
      overview.reach.visits.current,
      overview.reach.soughtOut.current,
      overview.reach.askedForHelp.current,
    ]).toEqual(["5–9", "5–9", "<5"]);
    expect(JSON.stringify(overview)).not.toMatch(UUID);
  });
});
