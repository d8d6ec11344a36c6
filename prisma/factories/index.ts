/**
 * Factories: valid records with overrides, for the tests and the demo seed (prisma/seed/demo.ts),
 * which is why they live here and not under tests/ (the seed must not import test code). One file
 * per domain area, as lib/<domain> is split, so a model's factory is found where its domain is.
 *
 * The rules every factory keeps (docs/decisions/011-one-fixture-library.md):
 *  - it writes through the Prisma client it is given (a test's, the seed's, a transaction's),
 *    never through the app's domain functions, so it never writes an audit event of its own;
 *  - it fills the fields the schema requires and has no default for, with fixed values (the seed
 *    stays deterministic); a field with a database default keeps it unless overridden, apart from
 *    a membership's role (MEMBER) and a delivered notification's response (NEUTRAL);
 *  - every field can be overridden (`...data` last).
 * Not for the app: `tests/unit/import-boundaries.test.ts` keeps app/, components/ and lib/ from
 * importing this module.
 */
export * from "./accounts";
export * from "./people";
export * from "./activities";
export * from "./referrals";
export * from "./consent";
export * from "./register-extract";
export * from "./vetting";
export * from "./plans";
export * from "./visits";
export * from "./meetings";
export * from "./transfers";
