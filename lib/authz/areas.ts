import type { Role } from "@/lib/generated/prisma/enums";

/** The parts of the app (pages) each role works in. Any other page answers "not found". */
export const AREAS = {
  caseload: ["POLICE", "SOCIAL", "PROBATION"],
  // "Att göra" (issue 15): each coordinator's own due and overdue work.
  todo: ["POLICE", "SOCIAL", "PROBATION"],
  people: ["POLICE", "SOCIAL", "PROBATION"],
  groups: ["POLICE", "SOCIAL", "PROBATION"],
  callIns: ["POLICE", "SOCIAL", "PROBATION"],
  // Police and probation see the referral board as status only, for people whose consent covers them.
  referrals: ["POLICE", "SOCIAL", "PROBATION"],
  followUps: ["SOCIAL", "PROBATION"],
  // Coordination meetings (issue 15): the three agencies' joint work.
  meetings: ["POLICE", "SOCIAL", "PROBATION"],
  enforcement: ["POLICE"],
  incidents: ["POLICE", "SOCIAL", "PROBATION", "MANAGER"],
  // Agencies see the parts of the dashboard about their own caseload (lib/dashboard/queries.ts).
  dashboard: ["POLICE", "SOCIAL", "PROBATION", "MANAGER"],
  admin: ["ADMIN"],
  // The second pair of eyes on register extract requests (ADMIN registers and produces under admin).
  extractDecisions: ["MANAGER"],
  // The audit log's "own actions" view (docs/confidentiality.md); ADMIN reviews the whole log under admin.
  myActivity: ["POLICE", "SOCIAL", "PROBATION"],
  // The periodic access review (issue 14): the site's managers and administrators.
  accessReview: ["MANAGER", "ADMIN"],
  // Rounds and planned visits (issue 15): the joint work planned ahead, like notifications.
  visits: ["POLICE", "SOCIAL", "PROBATION"],
  // The national view (issue 16): every site's dashboard figures side by side, for the national team only.
  national: ["NATIONAL"],
  // Files sent from another site (issue 16): the receiving site's social services take them over.
  transfers: ["SOCIAL"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREAS;

export function canUseArea(role: Role, area: Area): boolean {
  return (AREAS[area] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in: its own working list. */
export const START_PAGE: Record<Role, string> = {
  POLICE: "/caseload",
  SOCIAL: "/caseload",
  PROBATION: "/caseload",
  MANAGER: "/dashboard",
  ADMIN: "/admin/users",
  NATIONAL: "/national",
};
