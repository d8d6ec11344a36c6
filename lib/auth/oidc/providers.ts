import "server-only";
import * as oidc from "openid-client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Agency, ClientAuthMethod } from "@/lib/generated/prisma/enums";
import { openClientCredential } from "./credential";

/*
 * The agencies' identity providers (one per agency and site, IdentityProvider) and the
 * openid-client configuration of each.
 */

export type SignInProvider = {
  id: string;
  label: string;
  agency: Agency;
  siteName: string;
  isTestProvider: boolean;
};

/** The buttons of the login page: every enabled provider, by site. Configuration, not personal data. */
export async function listSignInProviders(): Promise<SignInProvider[]> {
  const rows = await db.identityProvider.findMany({
    where: { isEnabled: true },
    select: { id: true, label: true, agency: true, isTestProvider: true, site: { select: { name: true } } },
    orderBy: [{ site: { name: "asc" } }, { agency: "asc" }],
  });
  return rows.map(({ site, ...p }) => ({ ...p, siteName: site.name }));
}

export type ProviderRow = {
  id: string;
  siteId: string;
  agency: Agency;
  issuer: string;
  clientId: string;
  clientAuthMethod: ClientAuthMethod;
  clientCredential: string;
  acceptedAcr: string[];
  subjectClaim: string;
  isEnabled: boolean;
  version: number;
};

export async function findProvider(id: string): Promise<ProviderRow | null> {
  return db.identityProvider.findUnique({
    where: { id },
    select: {
      id: true,
      siteId: true,
      agency: true,
      issuer: true,
      clientId: true,
      clientAuthMethod: true,
      clientCredential: true,
      acceptedAcr: true,
      subjectClaim: true,
      isEnabled: true,
      version: true,
    },
  });
}

/** Plain http only to a provider on this machine (the test IdP); any other issuer must be https. */
export function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

async function clientAuthentication(provider: ProviderRow): Promise<oidc.ClientAuth> {
  const credential = openClientCredential(provider.clientCredential, env().AUTH_SECRET);
  if (credential === null) throw new Error(`identity provider ${provider.id}: the client credential does not open`);
  if (provider.clientAuthMethod === "CLIENT_SECRET_BASIC") return oidc.ClientSecretBasic(credential);
  // private_key_jwt: a private JWK (RS256 or ES256) with its kid, as registered at the IdP.
  const jwk = JSON.parse(credential) as JsonWebKey & { kid?: string };
  const algorithm =
    jwk.kty === "EC"
      ? { name: "ECDSA", namedCurve: jwk.crv ?? "P-256" }
      : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const key = await crypto.subtle.importKey("jwk", jwk, algorithm, false, ["sign"]);
  return oidc.PrivateKeyJwt({ key, kid: jwk.kid });
}

// Discovery and key material once per provider version, not on every sign-in; a changed row
// (new version) or ten minutes later, discovery runs again (the IdP may rotate its keys).
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

export function clientConfiguration(provider: ProviderRow, now = Date.now()): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.version}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.config;
  const config = (async () => {
    const issuer = new URL(provider.issuer);
    const insecure = issuer.protocol === "http:";
    if (insecure && !isLoopback(issuer)) throw new Error(`identity provider ${provider.id}: the issuer must be https`);
    return oidc.discovery(issuer, provider.clientId, undefined, await clientAuthentication(provider), {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
  })();
  config.catch(() => cache.delete(key));
  cache.set(key, { at: now, config });
  return config;
}
