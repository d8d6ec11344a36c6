import { describe, expect, it } from "vitest";
import { AREAS, canUseArea, START_PAGE, type Area } from "./areas";
import { ACTIONS, grantFor, RESOURCES } from "./permissions";

// docs/confidentiality.md's table, row by row, as the permission map must state it.
describe("the permission map follows docs/confidentiality.md", () => {
  it("lets the three agencies work with people and the joint activities", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      for (const resource of ["person", "notification", "callIn"] as const) {
        for (const action of ["list", "read", "create", "update"] as const)
          expect(grantFor(role, resource, action), `${role} ${resource} ${action}`).toBe("site");
      }
    }
  });

  it("gives managers aggregates and incidents only, administrators users and the audit log only", () => {
    for (const resource of RESOURCES) {
      for (const action of ACTIONS) {
        const manager = grantFor("MANAGER", resource, action);
        if (resource === "statistics")
          expect(manager).toBe(action === "read" || action === "export" ? "aggregate" : null);
        else if (resource === "incident")
          expect(manager).toBe(["list", "read", "export"].includes(action) ? "site" : null);
        // The second pair of eyes on a register extract request: decide it, never produce it.
        else if (resource === "registerExtract")
          expect(manager, `MANAGER extract ${action}`).toBe(
            ["list", "read", "update"].includes(action) ? "site" : null,
          );
        // Vetted access: reads and accepts the pledge like everyone; reviews accounts.
        else if (resource === "pledge") expect(manager).toBe(action === "read" ? "site" : null);
        else if (resource === "pledgeAcceptance") expect(manager).toBe(action === "create" ? "own" : null);
        else if (resource === "accessReview")
          expect(manager, `MANAGER review ${action}`).toBe(["list", "read", "create"].includes(action) ? "site" : null);
        else expect(manager, `MANAGER ${resource} ${action}`).toBeNull();
        const admin = grantFor("ADMIN", resource, action);
        const adminResources = ["user", "auditLog", "registerExtract", "retention"];
        const vetting = ["pledge", "pledgeAcceptance", "roleNeeds", "accessReview"];
        if (![...adminResources, ...vetting].includes(resource))
          expect(admin, `ADMIN ${resource} ${action}`).toBeNull();
      }
    }
  });

  it("lets the three agencies record, read and end conflicts and alliances between groups, never delete them", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      for (const action of ["list", "read", "create", "update", "export"] as const)
        expect(grantFor(role, "groupRelation", action), `${role} groupRelation ${action}`).toBe("site");
      expect(grantFor(role, "groupRelation", "delete"), `${role} groupRelation delete`).toBeNull();
    }
    for (const role of ["MANAGER", "ADMIN"] as const)
      for (const action of ACTIONS) expect(grantFor(role, "groupRelation", action), `${role} ${action}`).toBeNull();
  });

  it("shares rounds and planned visits among the three agencies; warning flags are seen by all, changed by the setter", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      for (const resource of ["round", "plannedVisit"] as const) {
        for (const action of ["list", "read", "create", "update"] as const)
          expect(grantFor(role, resource, action), `${role} ${resource} ${action}`).toBe("site");
      }
      expect(grantFor(role, "warningFlag", "list")).toBe("site");
      expect(grantFor(role, "warningFlag", "read")).toBe("site");
      // Set and ended only by the flag's own agency (the reason is that agency's: scopes.ts).
      expect(grantFor(role, "warningFlag", "create")).toBe("ownAgency");
      expect(grantFor(role, "warningFlag", "update")).toBe("ownAgency");
      expect(grantFor(role, "warningFlag", "delete")).toBeNull();
    }
    for (const role of ["MANAGER", "ADMIN"] as const) {
      for (const resource of ["round", "plannedVisit", "warningFlag"] as const) {
        for (const action of ["list", "read", "create", "update", "delete", "export"] as const)
          expect(grantFor(role, resource, action), `${role} ${resource} ${action}`).toBeNull();
      }
      expect(canUseArea(role, "visits")).toBe(false);
    }
  });

  it("keeps internal notes to the writing agency", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const)
      expect(grantFor(role, "internalNote", "read")).toBe("ownAgency");
    expect(grantFor("MANAGER", "internalNote", "read")).toBeNull();
    expect(grantFor("ADMIN", "internalNote", "read")).toBeNull();
  });

  it("shows referrals to police and probation as status only, with consent", () => {
    expect(grantFor("POLICE", "referral", "read")).toBe("statusWithConsent");
    expect(grantFor("PROBATION", "referral", "read")).toBe("statusWithConsent");
    expect(grantFor("SOCIAL", "referral", "update")).toBe("site");
    expect(grantFor("POLICE", "referral", "create")).toBeNull();
  });

  it("keeps follow-ups from the police and enforcement from the others but the liberty flag", () => {
    expect(grantFor("POLICE", "followUp", "read")).toBeNull();
    expect(grantFor("SOCIAL", "followUp", "read")).toBe("withConsent");
    // Probation's own follow-ups always; social services' follow-ups are theirs, shown with consent.
    expect(grantFor("PROBATION", "followUp", "read")).toBe("withConsent");
    // Consent shows another agency's follow-ups; it never lets anyone edit them.
    for (const role of ["SOCIAL", "PROBATION"] as const) {
      for (const action of ["create", "update"] as const)
        expect(grantFor(role, "followUp", action), `${role} ${action}`).toBe("ownAgency");
    }
    expect(grantFor("SOCIAL", "enforcement", "read")).toBe("libertyFlagOnly");
    expect(grantFor("PROBATION", "enforcement", "create")).toBeNull();
    expect(grantFor("POLICE", "enforcement", "create")).toBe("site");
  });

  it("shares the individual plan's header among the agencies; each measure is its owner's, shown with consent", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      for (const action of ["list", "read", "create", "update"] as const)
        expect(grantFor(role, "plan", action), `${role} plan ${action}`).toBe("site");
      expect(grantFor(role, "plan", "delete"), `${role} plan delete`).toBeNull();
      expect(grantFor(role, "planMeasure", "list")).toBe("withConsent");
      expect(grantFor(role, "planMeasure", "read")).toBe("withConsent");
      // Consent shows another agency's measures; it never lets anyone change them.
      expect(grantFor(role, "planMeasure", "create")).toBe("ownAgency");
      expect(grantFor(role, "planMeasure", "update")).toBe("ownAgency");
      expect(grantFor(role, "planMeasure", "delete")).toBeNull();
    }
    for (const role of ["MANAGER", "ADMIN"] as const)
      for (const resource of ["plan", "planMeasure"] as const)
        for (const action of ACTIONS) expect(grantFor(role, resource, action), `${role} ${resource}`).toBeNull();
  });

  it("lets agencies read their own audit events and administrators all", () => {
    expect(grantFor("SOCIAL", "auditLog", "list")).toBe("ownActions");
    expect(grantFor("ADMIN", "auditLog", "list")).toBe("site");
    expect(grantFor("MANAGER", "auditLog", "list")).toBeNull();
  });

  it("gives the register extract and the retention review to administrators, the extract's approval to managers", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      for (const action of ACTIONS) {
        if (role !== "MANAGER")
          expect(grantFor(role, "registerExtract", action), `${role} extract ${action}`).toBeNull();
        expect(grantFor(role, "retention", action), `${role} retention ${action}`).toBeNull();
      }
    }
    // Registered and produced by ADMIN; approved or rejected by someone else (MANAGER), who never
    // produces it, and ADMIN never decides.
    for (const action of ["list", "read", "create", "export"] as const)
      expect(grantFor("ADMIN", "registerExtract", action)).toBe("site");
    expect(grantFor("ADMIN", "registerExtract", "update")).toBeNull();
    expect(grantFor("MANAGER", "registerExtract", "update")).toBe("site");
    expect(grantFor("MANAGER", "registerExtract", "export")).toBeNull();
    expect(grantFor("MANAGER", "registerExtract", "create")).toBeNull();
    expect(grantFor("ADMIN", "retention", "update")).toBe("site");
    expect(grantFor("ADMIN", "person", "read")).toBeNull();
  });

  it("has everyone read and accept the pledge; ADMIN publish it, see acceptances and keep the needs notes; MANAGER and ADMIN review access", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const) {
      expect(grantFor(role, "pledge", "read"), role).toBe("site");
      expect(grantFor(role, "pledgeAcceptance", "create"), role).toBe("own");
      if (role === "ADMIN") continue;
      expect(grantFor(role, "pledge", "create"), role).toBeNull();
      expect(grantFor(role, "pledgeAcceptance", "list"), role).toBeNull();
      for (const action of ACTIONS) expect(grantFor(role, "roleNeeds", action), `${role} ${action}`).toBeNull();
    }
    expect(grantFor("ADMIN", "pledge", "create")).toBe("site");
    expect(grantFor("ADMIN", "pledgeAcceptance", "list")).toBe("site");
    expect(grantFor("ADMIN", "roleNeeds", "create")).toBe("site");
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const)
      for (const action of ACTIONS) expect(grantFor(role, "accessReview", action), `${role} ${action}`).toBeNull();
    expect(grantFor("MANAGER", "accessReview", "create")).toBe("site");
    // The review interval is the administrator's to set.
    expect(grantFor("MANAGER", "accessReview", "update")).toBeNull();
    expect(grantFor("ADMIN", "accessReview", "update")).toBe("site");
    expect(canUseArea("MANAGER", "accessReview")).toBe(true);
    expect(canUseArea("ADMIN", "accessReview")).toBe(true);
    expect(canUseArea("POLICE", "accessReview")).toBe(false);
  });

  it("keeps meeting minutes to the writing agency, shows decisions and tasks under consent, and lets the task's agency mark it done", () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      for (const action of ["list", "read", "create", "update"] as const)
        expect(grantFor(role, "meeting", action), `${role} meeting ${action}`).toBe("site");
      expect(grantFor(role, "meeting", "delete")).toBeNull();
      // Minutes: the agency's own, whatever consent says; never deleted.
      for (const action of ["list", "read", "create", "update", "export"] as const)
        expect(grantFor(role, "meetingMinutes", action), `${role} minutes ${action}`).toBe("ownAgency");
      expect(grantFor(role, "meetingMinutes", "delete")).toBeNull();
      // Decisions and tasks: the recording (or owning) agency's, others' with consent.
      for (const resource of ["meetingDecision", "task"] as const) {
        expect(grantFor(role, resource, "read")).toBe("withConsent");
        expect(grantFor(role, resource, "create")).toBe("ownAgency");
        expect(grantFor(role, resource, "delete")).toBeNull();
      }
      expect(grantFor(role, "meetingDecision", "update")).toBeNull();
      expect(grantFor(role, "task", "update")).toBe("ownAgency");
      expect(canUseArea(role, "meetings")).toBe(true);
    }
    for (const role of ["MANAGER", "ADMIN"] as const) {
      for (const resource of ["meeting", "meetingMinutes", "meetingDecision", "task"] as const)
        for (const action of ACTIONS) expect(grantFor(role, resource, action), `${role} ${resource}`).toBeNull();
      expect(canUseArea(role, "meetings")).toBe(false);
    }
  });

  it("gives the national team the national view's counts of every site and nothing else (issue 16)", () => {
    for (const resource of RESOURCES) {
      for (const action of ACTIONS) {
        const grant = grantFor("NATIONAL", resource, action);
        const label = `NATIONAL ${resource} ${action}`;
        if (resource === "nationalDashboard")
          expect(grant, label).toBe(action === "read" || action === "export" ? "allSites" : null);
        // Reads and accepts its site's pledge like everyone.
        else if (resource === "pledge") expect(grant, label).toBe(action === "read" ? "site" : null);
        else if (resource === "pledgeAcceptance") expect(grant, label).toBe(action === "create" ? "own" : null);
        else expect(grant, label).toBeNull();
      }
    }
    // Nobody else holds the national view, and "allSites" is granted for nothing else.
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const)
      for (const action of ACTIONS) expect(grantFor(role, "nationalDashboard", action), role).toBeNull();
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN", "NATIONAL"] as const)
      for (const resource of RESOURCES)
        for (const action of ACTIONS)
          if (resource !== "nationalDashboard") expect(grantFor(role, resource, action)).not.toBe("allSites");
  });

  it("denies an unknown or missing role", () => {
    expect(grantFor(undefined, "person", "read")).toBeNull();
    expect(grantFor("HACKER" as never, "person", "read")).toBeNull();
  });
});

describe("pages per role", () => {
  it("sends each role to a start page it may use", () => {
    expect(START_PAGE).toEqual({
      POLICE: "/caseload",
      SOCIAL: "/caseload",
      PROBATION: "/caseload",
      MANAGER: "/dashboard",
      ADMIN: "/admin/users",
      NATIONAL: "/national",
    });
    expect(canUseArea("MANAGER", "dashboard")).toBe(true);
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) expect(canUseArea(role, "dashboard")).toBe(true);
    expect(canUseArea("ADMIN", "dashboard")).toBe(false);
    expect(canUseArea("MANAGER", "people")).toBe(false);
    expect(canUseArea("ADMIN", "people")).toBe(false);
    expect(canUseArea("POLICE", "admin")).toBe(false);
  });

  it("gives the national team its view alone, and nobody else that view", () => {
    for (const area of Object.keys(AREAS) as Area[])
      expect(canUseArea("NATIONAL", area), `NATIONAL ${area}`).toBe(area === "national");
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const)
      expect(canUseArea(role, "national"), role).toBe(false);
  });
});
