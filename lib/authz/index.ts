import "server-only";

export type { Actor } from "./actor";
export { AGENCY_OF_ROLE } from "./actor";
export { AREAS, START_PAGE, canUseArea, type Area } from "./areas";
export { PERMISSIONS, RESOURCES, ACTIONS, grantFor, type Action, type Resource, type Scope } from "./permissions";
export * from "./scopes";
