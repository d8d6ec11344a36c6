/**
 * The demo's identity providers: the test IdP (./test-idp.ts) started beside the app, standing in
 * for Malmö's three agencies' IdPs (one client each, as each agency registers Samverkan at its
 * own IdP), and the site's IdentityProvider rows pointed at it. Only for a database holding the
 * demo data: `npm start` and the end-to-end server call it after migrating and seeding.
 */
import pg from "pg";
import { sealClientCredential } from "@/lib/auth/oidc/credential";
import type { Agency } from "@/lib/generated/prisma/enums";
import { HSA_ID_CLAIM, LOA, startTestIdp, type TestIdp, type TestIdpAccount } from "./test-idp";

/** The organisation behind each agency's IdP (frivården is part of Kriminalvården). */
const AGENCIES: { agency: Agency; label: string }[] = [
  { agency: "POLICE", label: "Polisen" },
  { agency: "SOCIAL", label: "Malmö stad" },
  { agency: "PROBATION", label: "Kriminalvården" },
];
const ORGANISATION = Object.fromEntries(AGENCIES.map((a) => [a.agency, a.label])) as Record<Agency, string>;

/** Public on purpose: the test IdP and its clients exist only on loopback, for the demo and the tests. */
export const demoClient = (agency: Agency) => ({
  clientId: `samverkan-malmo-${agency.toLowerCase()}`,
  secret: `demo-test-idp-${agency.toLowerCase()}-client-secret-not-a-secret`,
});

/** Someone the IdP knows but Samverkan does not: signing in is refused ("unknownSubject"). */
export const UNPROVISIONED_ACCOUNT: TestIdpAccount = {
  subject: "tidp-okand",
  name: "Okänd Testperson",
  organisation: "Polisen",
  hsaId: "SE2321000000-demo-okand",
};

/**
 * The IdP's accounts: the demo site's accounts that have a federated subject (their HSA-id, from
 * the seed), read from the database, and one that Samverkan does not know. The IdP's own `sub`
 * differs from the HSA-id, so the demo shows the provider's subject claim at work.
 */
async function demoIdpAccounts(client: pg.Client, siteId: string): Promise<TestIdpAccount[]> {
  const users = await client.query<{ name: string; agency: Agency; federatedSubject: string }>(
    `SELECT name, agency, "federatedSubject" FROM "User"
     WHERE "siteId" = $1 AND "federatedSubject" IS NOT NULL AND agency IS NOT NULL ORDER BY name`,
    [siteId],
  );
  return [
    ...users.rows.map((u) => ({
      subject: `tidp-${u.federatedSubject}`,
      name: u.name,
      organisation: ORGANISATION[u.agency],
      hsaId: u.federatedSubject,
    })),
    UNPROVISIONED_ACCOUNT,
  ];
}

/**
 * Starts the test IdP on `port` (the app answering at `appOrigins`) and points the demo site's
 * providers at it. On a database without the demo data, nothing is configured and null is returned.
 */
export async function startDemoIdp({
  databaseUrl,
  authSecret,
  port,
  appOrigins,
}: {
  databaseUrl: string;
  authSecret: string;
  port: number;
  appOrigins: string[];
}): Promise<TestIdp | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const demo = await client.query(`SELECT 1 FROM "SystemSetting" WHERE key = 'demoData' AND value = 'true'`);
    const site = await client.query<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'malmo'`);
    if (demo.rowCount === 0 || !site.rows[0]) return null;
    const idp = await startTestIdp({
      port,
      accounts: await demoIdpAccounts(client, site.rows[0].id),
      // One client per agency; each origin the app answers at (localhost, 127.0.0.1) is a redirect URI.
      clients: AGENCIES.map(({ agency }) => ({
        ...demoClient(agency),
        redirectUris: appOrigins.map((origin) => `${origin}/login/oidc/callback`),
        postLogoutRedirectUris: appOrigins.map((origin) => `${origin}/login?session=signedOut`),
      })),
    });
    for (const { agency, label } of AGENCIES) {
      const { clientId, secret } = demoClient(agency);
      await client.query(
        `INSERT INTO "IdentityProvider" (id, "siteId", agency, label, issuer, "clientId", "clientAuthMethod", "clientCredential", "acceptedAcr", "subjectClaim", "isTestProvider", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'CLIENT_SECRET_BASIC', $6, $7, $8, true, now())
         ON CONFLICT ("siteId", agency) DO UPDATE SET issuer = $4, "clientId" = $5, "clientCredential" = $6,
           version = "IdentityProvider".version + 1, "updatedAt" = now()
         WHERE "IdentityProvider"."isTestProvider"`,
        [
          site.rows[0].id,
          agency,
          label,
          idp.issuer,
          clientId,
          sealClientCredential(secret, authSecret),
          [LOA[3]],
          HSA_ID_CLAIM,
        ],
      );
    }
    return idp;
  } finally {
    await client.end();
  }
}
