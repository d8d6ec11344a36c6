/**
 * `npm run idp:configure -- --site CODE --agency POLICE|SOCIAL|PROBATION --label TEXT --issuer URL
 *   --client-id ID (--secret-env VAR | --private-jwk-file PATH) [--acr URI ...] [--claim NAME] [--disable]`
 *
 * Configures (or replaces) one agency's OpenID Connect IdP for a site (docs/decisions/013). The
 * client secret is read from the environment variable named by --secret-env, never from the
 * command line (which other users of the machine can see); a private_key_jwt key from a file
 * holding the private JWK with its `kid`. Both are stored sealed with AUTH_SECRET. Discovery is
 * tried before anything is saved, so a wrong issuer is found here, not at the first sign-in.
 *
 *   exit 0 saved; exit 2 bad arguments, an unreachable issuer or no such site
 *
 * Uses DATABASE_URL, or the local embedded PostgreSQL like the other scripts.
 */
import { readFileSync } from "node:fs";
import * as oidc from "openid-client";
import pg from "pg";
import { sealClientCredential } from "@/lib/auth/oidc/credential";
import { appSecrets, startCluster } from "./lib/local-db";

const LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3";
const AGENCIES = ["POLICE", "SOCIAL", "PROBATION"] as const;

function values(argv: string[], name: string): string[] {
  return argv.flatMap((a, i) => (a === name && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
}

function parse(argv: string[]) {
  const one = (name: string) => values(argv, name)[0];
  const site = one("--site");
  const agency = one("--agency") as (typeof AGENCIES)[number] | undefined;
  const label = one("--label");
  const issuer = one("--issuer");
  const clientId = one("--client-id");
  const secretEnv = one("--secret-env");
  const jwkFile = one("--private-jwk-file");
  if (!site || !agency || !AGENCIES.includes(agency) || !label || !issuer || !clientId)
    throw new Error("Give --site, --agency (POLICE, SOCIAL or PROBATION), --label, --issuer and --client-id.");
  if (Boolean(secretEnv) === Boolean(jwkFile))
    throw new Error("Give one of --secret-env VAR or --private-jwk-file PATH.");
  const url = new URL(issuer);
  if (url.protocol !== "https:" && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
    throw new Error("The issuer must be https.");
  const credential = secretEnv ? process.env[secretEnv] : readFileSync(jwkFile!, "utf8").trim();
  if (!credential) throw new Error(`The environment variable ${secretEnv} is empty.`);
  if (jwkFile) {
    const jwk = JSON.parse(credential) as { d?: string; kid?: string };
    if (!jwk.d || !jwk.kid) throw new Error("The JWK file must hold a private key (d) with its kid.");
  }
  return {
    site,
    agency,
    label,
    issuer: url,
    clientId,
    method: secretEnv ? ("CLIENT_SECRET_BASIC" as const) : ("PRIVATE_KEY_JWT" as const),
    credential,
    acr: values(argv, "--acr").length > 0 ? values(argv, "--acr") : [LOA3],
    claim: one("--claim") ?? "sub",
    enabled: !argv.includes("--disable"),
  };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  // The issuer as the IdP states it in its discovery document: ID tokens are checked against it
  // exactly, so a trailing slash typed or left out here must not decide whether sign-in works.
  let issuer: string;
  try {
    const insecure = args.issuer.protocol === "http:";
    const config = await oidc.discovery(args.issuer, args.clientId, undefined, undefined, {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
    });
    const meta = config.serverMetadata();
    issuer = meta.issuer;
    const missing = args.acr.filter((a) => meta.acr_values_supported && !meta.acr_values_supported.includes(a));
    if (missing.length > 0) console.warn(`The IdP does not list ${missing.join(", ")} in acr_values_supported.`);
  } catch (error) {
    console.error(`Discovery at ${args.issuer.href} failed: ${error instanceof Error ? error.message : error}`);
    return 2;
  }
  const cluster = await startCluster("app", { quiet: true });
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    const { AUTH_SECRET } = await appSecrets();
    const site = await client.query<{ id: string }>(`SELECT id FROM "Site" WHERE code = $1`, [args.site]);
    if (!site.rows[0]) {
      console.error(`No site with code ${args.site}.`);
      return 2;
    }
    await client.query(
      `INSERT INTO "IdentityProvider" (id, "siteId", agency, label, issuer, "clientId", "clientAuthMethod", "clientCredential", "acceptedAcr", "subjectClaim", "isEnabled", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT ("siteId", agency) DO UPDATE SET label = $3, issuer = $4, "clientId" = $5, "clientAuthMethod" = $6,
         "clientCredential" = $7, "acceptedAcr" = $8, "subjectClaim" = $9, "isEnabled" = $10, "isTestProvider" = false,
         version = "IdentityProvider".version + 1, "updatedAt" = now()`,
      [
        site.rows[0].id,
        args.agency,
        args.label,
        issuer,
        args.clientId,
        args.method,
        sealClientCredential(args.credential, AUTH_SECRET),
        args.acr,
        args.claim,
        args.enabled,
      ],
    );
    console.log(`Saved: ${args.site} ${args.agency} → ${issuer} (${args.method}, claim ${args.claim}).`);
    return 0;
  } finally {
    await client.end();
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
