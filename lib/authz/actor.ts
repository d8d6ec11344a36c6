import type { Agency, Role } from "@/lib/generated/prisma/enums";

/** The signed-in user as every data function receives it (loaded from the database per request). */
export type Actor = {
  id: string;
  siteId: string;
  role: Role;
  /** The agency whose data this user works with; null for MANAGER, ADMIN and NATIONAL. */
  agency: Agency | null;
  name: string;
};

export const AGENCY_OF_ROLE: Record<Role, Agency | null> = {
  POLICE: "POLICE",
  SOCIAL: "SOCIAL",
  PROBATION: "PROBATION",
  MANAGER: null,
  ADMIN: null,
  NATIONAL: null,
};
