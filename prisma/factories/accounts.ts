import { hash } from "@node-rs/argon2";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, Role } from "@/lib/generated/prisma/enums";
import { sealClientCredential } from "@/lib/auth/oidc/credential";
import { AGENCY_OF_ROLE } from "@/lib/authz/actor";
import { next, type Client } from "./client";

/**
 * argon2id far cheaper than production's (lib/auth/password.ts: 19 MiB, 2 passes) so that a test
 * world of six users, or the demo's ten accounts, hash in milliseconds. Only for test and demo
 * accounts, whose passwords are public anyway: verification reads the parameters from the hash,
 * so the app signs these accounts in like any other.
 */
export const FIXTURE_ARGON2_OPTIONS = { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

const hashCache = new Map<string, Promise<string>>();
/** The password's hash with FIXTURE_ARGON2_OPTIONS, once per password and process. */
export function hashFixturePassword(password: string): Promise<string> {
  let h = hashCache.get(password);
  if (!h) {
    h = hash(password, FIXTURE_ARGON2_OPTIONS);
    hashCache.set(password, h);
  }
  return h;
}

/** The password of every user that `createUser` makes without one. */
export const TEST_PASSWORD = "test-Lösenord-1234";

export async function createSite(db: Client, data: Partial<Prisma.SiteUncheckedCreateInput> = {}) {
  const n = next();
  return db.site.create({ data: { code: `site-${n}`, name: `Testort ${n}`, ...data } });
}

/**
 * A user whose password (TEST_PASSWORD unless given) is hashed with FIXTURE_ARGON2_OPTIONS, or,
 * with `password: null`, a federated account without one (give it a `federatedSubject`). The
 * agency is the role's unless given (MANAGER and ADMIN have none unless given).
 */
export async function createUser(
  db: Client,
  data: Partial<Prisma.UserUncheckedCreateInput> & { siteId: string; role: Role; password?: string | null },
) {
  const n = next();
  const { password, ...rest } = data;
  return db.user.create({
    data: {
      email: `user${n}@test.invalid`,
      name: `Testanvändare ${n}`,
      agency: AGENCY_OF_ROLE[data.role],
      passwordHash: password === null ? null : await hashFixturePassword(password ?? TEST_PASSWORD),
      ...rest,
    },
  });
}

/** Sets a system setting (the demo flag, the environment mark the seed refuses). */
export async function setSystemSetting(db: Client, key: string, value: string) {
  return db.systemSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/**
 * An agency's identity provider at a site: client_secret_basic with `secret`, or private_key_jwt
 * with `privateJwk` (the JSON of a private JWK with its kid), sealed as the app stores it.
 */
export async function createIdentityProvider(
  db: Client,
  data: Partial<Omit<Prisma.IdentityProviderUncheckedCreateInput, "clientCredential">> & {
    siteId: string;
    agency: Agency;
    issuer: string;
    clientId: string;
    secret?: string;
    privateJwk?: string;
    authSecret?: string;
  },
) {
  const { secret, privateJwk, authSecret = process.env.AUTH_SECRET ?? "", ...rest } = data;
  return db.identityProvider.create({
    data: {
      label: `IdP ${rest.agency}`,
      clientAuthMethod: privateJwk ? "PRIVATE_KEY_JWT" : "CLIENT_SECRET_BASIC",
      clientCredential: sealClientCredential(privateJwk ?? secret ?? "", authSecret),
      acceptedAcr: ["http://id.elegnamnden.se/loa/1.0/loa3"],
      ...rest,
    },
  });
}
