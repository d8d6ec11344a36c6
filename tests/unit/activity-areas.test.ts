import { describe, expect, it } from "vitest";
import { AREAS, canUseArea } from "@/lib/authz/areas";
import { grantFor, type Resource } from "@/lib/authz/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLES: readonly Role[] = ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN"];

// Each activity page is open exactly to the roles the permission map lets list its records:
// a menu item never leads to a page that then answers "not found".
const AREA_RESOURCE: Record<"callIns" | "referrals" | "followUps" | "enforcement" | "incidents", Resource> = {
  callIns: "callIn",
  referrals: "referral",
  followUps: "followUp",
  enforcement: "enforcement",
  incidents: "incident",
};

describe("activity areas follow the permission map", () => {
  for (const [area, resource] of Object.entries(AREA_RESOURCE) as [keyof typeof AREA_RESOURCE, Resource][]) {
    it(`opens ${area} to the roles that may list ${resource}s`, () => {
      for (const role of ROLES) {
        const scope = grantFor(role, resource, "list");
        // "libertyFlagOnly" is the person's status, not the enforcement list.
        const mayList = scope !== null && scope !== "libertyFlagOnly" && scope !== "aggregate";
        expect(canUseArea(role, area), `${role} ${area}`).toBe(mayList);
      }
    });
  }

  it("keeps administrators out of every activity", () => {
    for (const area of Object.keys(AREA_RESOURCE) as (keyof typeof AREAS)[])
      expect(canUseArea("ADMIN", area)).toBe(false);
  });
});
