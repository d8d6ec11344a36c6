import type { Agency, ConsentInfoKind } from "@/lib/generated/prisma/enums";

/*
 * What a consent can cover, as codes (docs/confidentiality.md; docs/decisions/008): one kind of
 * one agency's information, shown to one other agency. These are exactly the things the app shows
 * across agencies under consent (scopes.ts builds its where-clauses from this list), so a consent
 * can never be read as covering more than the app would show; the migration's CHECK constraint
 * holds the database to the same list. No `server-only`: the consent form lists them.
 */

export type CoverageItem = { from: Agency; kind: ConsentInfoKind; to: Agency };

const AGENCIES = ["POLICE", "SOCIAL", "PROBATION"] as const satisfies readonly Agency[];
const PAIRS = AGENCIES.flatMap((from) => AGENCIES.filter((to) => to !== from).map((to) => [from, to] as const));

export const COVERAGE: readonly CoverageItem[] = [
  { from: "SOCIAL", kind: "REFERRAL_STATUS", to: "POLICE" },
  { from: "SOCIAL", kind: "SUPPORT_MEASURE_STATUS", to: "POLICE" },
  { from: "SOCIAL", kind: "REFERRAL_STATUS", to: "PROBATION" },
  { from: "SOCIAL", kind: "SUPPORT_MEASURE_STATUS", to: "PROBATION" },
  { from: "SOCIAL", kind: "FOLLOW_UP", to: "PROBATION" },
  { from: "PROBATION", kind: "FOLLOW_UP", to: "SOCIAL" },
  // The individual plan and the coordination meeting (issue 15) are joint work of all three
  // agencies (SSPF, SIG): each agency's measures and recorded decisions go to each other agency
  // only under consent, like everything else an agency holds.
  ...PAIRS.map(([from, to]) => ({ from, kind: "PLAN_MEASURE" as const, to })),
  ...PAIRS.map(([from, to]) => ({ from, kind: "JOINT_DECISION" as const, to })),
];

/** "SOCIAL:REFERRAL_STATUS:POLICE": a coverage item as one form value. */
export type CoverageCode = `${Agency}:${ConsentInfoKind}:${Agency}`;

export function coverageCode(item: CoverageItem): CoverageCode {
  return `${item.from}:${item.kind}:${item.to}`;
}

export const COVERAGE_CODES = COVERAGE.map(coverageCode) as [CoverageCode, ...CoverageCode[]];

export function parseCoverageCode(code: CoverageCode): CoverageItem {
  const item = COVERAGE.find((c) => coverageCode(c) === code);
  if (!item) throw new Error(`unknown coverage ${code}`);
  return item;
}

/** The holding agencies whose information the items cover: each must confirm the consent. */
export function holdingAgencies(items: readonly CoverageItem[]): Agency[] {
  return [...new Set(items.map((i) => i.from))];
}

/** Every agency the items name, holding or receiving, in the usual order. */
export function agenciesNamed(items: readonly CoverageItem[]): Agency[] {
  const named = new Set(items.flatMap((i) => [i.from, i.to]));
  return (["POLICE", "SOCIAL", "PROBATION"] as const).filter((a) => named.has(a));
}
