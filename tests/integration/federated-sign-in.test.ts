import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth";
import { beginFederatedSignIn, completeFederatedSignIn, federatedSignOutUrl, type Flow } from "@/lib/auth/oidc/flow";
import { db } from "@/lib/db";
import { createIdentityProvider, createUser, TEST_PASSWORD } from "@/prisma/factories";
import { HSA_ID_CLAIM, LOA, startTestIdp, type TestIdp } from "@/scripts/lib/test-idp";
import { createFederatedUser, setPasswordSignIn } from "@/lib/users/mutations";
import { ZCreateFederatedUser, ZSetPasswordSignIn } from "@/lib/users/schemas";
import { makeWorld, submitWith, type World } from "./fixtures";

/*
 * Signing in through an agency's IdP against a real OpenID Connect provider (the test IdP,
 * oidc-provider on loopback): the browser's part (the redirects, the IdP's sign-in form) is played
 * with fetch and a cookie jar, and Samverkan's part is the code that the callback route runs.
 */

const REDIRECT_URI = "http://samverkan.test/login/oidc/callback";
const POST_LOGOUT = "http://samverkan.test/login?session=signedOut";
const SECRET = "integration-test-idp-client-secret-0123456789";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PRIVATE_JWK = { ...privateKey.export({ format: "jwk" }), kid: "samverkan-test", alg: "RS256" };
const PUBLIC_JWK = { ...publicKey.export({ format: "jwk" }), kid: "samverkan-test", alg: "RS256", use: "sig" };

const client = (clientId: string) => ({
  clientId,
  secret: SECRET,
  redirectUris: [REDIRECT_URI],
  postLogoutRedirectUris: [POST_LOGOUT],
});

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({
    accounts: [
      { subject: "sub-police", name: "Polis Testsson", organisation: "Polisen", hsaId: "SE-HSA-POLICE" },
      { subject: "sub-social", name: "Social Testsson", organisation: "Malmö stad", hsaId: "SE-HSA-SOCIAL" },
      { subject: "sub-nobody", name: "Okänd Testsson", organisation: "Polisen", hsaId: "SE-HSA-NOBODY" },
    ],
    clients: [
      client("police-client"),
      client("social-client"),
      client("other-client"),
      {
        clientId: "jwt-client",
        publicJwk: PUBLIC_JWK,
        redirectUris: [REDIRECT_URI],
        postLogoutRedirectUris: [POST_LOGOUT],
      },
    ],
  });
});
afterAll(async () => {
  await idp?.stop();
});

let w: World;
let police: Awaited<ReturnType<typeof createIdentityProvider>>;
let social: Awaited<ReturnType<typeof createIdentityProvider>>;
let federatedPolice: { id: string };
beforeEach(async () => {
  w = await makeWorld();
  police = await createIdentityProvider(db, {
    siteId: w.site.id,
    agency: "POLICE",
    issuer: idp.issuer,
    clientId: "police-client",
    secret: SECRET,
    subjectClaim: HSA_ID_CLAIM,
  });
  social = await createIdentityProvider(db, {
    siteId: w.site.id,
    agency: "SOCIAL",
    issuer: idp.issuer,
    clientId: "social-client",
    secret: SECRET,
    subjectClaim: HSA_ID_CLAIM,
  });
  federatedPolice = await createUser(db, {
    siteId: w.site.id,
    role: "POLICE",
    password: null,
    federatedSubject: "SE-HSA-POLICE",
  });
});

/** A browser's cookies for the IdP (one origin; path and expiry are not needed here). */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Follows the IdP's redirects as a browser would, picking `account` and `acr` on its sign-in page
 * when it shows one, until the IdP sends the browser back to Samverkan: that URL's parameters.
 */
async function atIdp(
  start: URL,
  { account, acr = LOA[3], jar = new Jar() }: { account: string; acr?: string; jar?: Jar },
): Promise<URLSearchParams> {
  let url = start.href;
  let init: RequestInit = {};
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get("location");
    if (!location) {
      const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(url).pathname);
      if (res.status !== 200 || !interaction)
        throw new Error(`IdP answered ${res.status} at ${url}: ${await res.text()}`);
      url = `${idp.issuer}/interaction/${interaction[1]}/login`;
      init = {
        method: "POST",
        body: new URLSearchParams({ account, acr }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      };
      continue;
    }
    const target = new URL(location, url);
    if (target.href.startsWith(REDIRECT_URI)) return target.searchParams;
    url = target.href;
    init = {};
  }
  throw new Error("too many redirects");
}

async function signIn(
  provider: { id: string },
  opts: { account: string; acr?: string; jar?: Jar; tamper?: (url: URL) => void },
) {
  const begun = await beginFederatedSignIn({ providerId: provider.id, next: "/caseload", redirectUri: REDIRECT_URI });
  if (!begun) throw new Error("no flow");
  opts.tamper?.(begun.url);
  const callbackParams = await atIdp(begun.url, opts);
  return { flow: begun.flow, callbackParams, result: await complete(begun.flow, callbackParams) };
}

const complete = (flow: Flow | null, callbackParams: URLSearchParams) =>
  completeFederatedSignIn({ flow, callbackParams, redirectUri: REDIRECT_URI });

const failures = async () =>
  (await db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED" }, orderBy: { id: "asc" } })).map(
    (e) => e.metadata,
  );

describe("signing in through the agency's IdP", () => {
  it("asks for level 3 with PKCE, state and nonce, and maps the configured claim to the provisioned account", async () => {
    const begun = (await beginFederatedSignIn({
      providerId: police.id,
      next: "/caseload",
      redirectUri: REDIRECT_URI,
    }))!;
    const asked = begun.url.searchParams;
    expect(asked.get("code_challenge_method")).toBe("S256");
    expect(asked.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(asked.get("acr_values")).toBe(LOA[3]);
    expect(asked.get("state")).toBe(begun.flow.state);
    expect(asked.get("nonce")).toBe(begun.flow.nonce);

    // The IdP's `sub` is "sub-police"; the account is found by the HSA-id claim the provider names.
    const { result } = await signIn(police, { account: "sub-police" });
    expect(result).toMatchObject({ status: "ok", userId: federatedPolice.id, next: "/caseload" });
    const session = await db.session.findUniqueOrThrow({ where: { id: (result as { sessionId: string }).sessionId } });
    expect(session).toMatchObject({ userId: federatedPolice.id, identityProviderId: police.id });
    expect(session.idTokenHint).toMatch(/^ey/);
    const signedIn = await db.auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN" } });
    expect(signedIn).toMatchObject({ actorId: federatedPolice.id, entityId: federatedPolice.id });
    expect(signedIn.metadata).toMatchObject({ method: "oidc", providerId: police.id, acr: LOA[3] });
    expect((await db.user.findUniqueOrThrow({ where: { id: federatedPolice.id } })).lastSignInAt).not.toBeNull();
  });

  it("takes the role from the account, never from the token", async () => {
    await db.user.update({ where: { id: federatedPolice.id }, data: { name: "Namn i Samverkan" } });
    const { result } = await signIn(police, { account: "sub-police" });
    const session = await db.session.findUniqueOrThrow({
      where: { id: (result as { sessionId: string }).sessionId },
      select: { user: { select: { role: true, name: true } } },
    });
    expect(session.user).toEqual({ role: "POLICE", name: "Namn i Samverkan" });
  });

  it("signs in with private_key_jwt client authentication too", async () => {
    const jwtProvider = await createIdentityProvider(db, {
      siteId: w.site.id,
      agency: "PROBATION",
      issuer: idp.issuer,
      clientId: "jwt-client",
      privateJwk: JSON.stringify(PRIVATE_JWK),
    });
    await createUser(db, { siteId: w.site.id, role: "PROBATION", password: null, federatedSubject: "sub-social" });
    const { result } = await signIn(jwtProvider, { account: "sub-social" });
    expect(result.status).toBe("ok");
  });
});

describe("refused, audited, and nothing created", () => {
  it("refuses an assurance level below 3", async () => {
    const { result } = await signIn(police, { account: "sub-police", acr: LOA[2] });
    expect(result).toEqual({ status: "refused", reason: "lowAssurance" });
    expect(await db.session.count()).toBe(0);
    expect(await failures()).toEqual([expect.objectContaining({ step: "oidc", reason: "lowAssurance", acr: LOA[2] })]);
  });

  it("refuses a subject nobody provisioned, creating no account", async () => {
    const users = await db.user.count();
    const { result } = await signIn(police, { account: "sub-nobody" });
    expect(result).toEqual({ status: "refused", reason: "unknownSubject" });
    expect(await db.user.count()).toBe(users);
    expect(await failures()).toEqual([
      expect.objectContaining({ reason: "unknownSubject", subject: "SE-HSA-NOBODY", agency: "POLICE" }),
    ]);
  });

  it("refuses an account through another agency's IdP", async () => {
    const { result } = await signIn(social, { account: "sub-police" });
    expect(result).toEqual({ status: "refused", reason: "wrongAgency" });
    expect(await db.session.count()).toBe(0);
  });

  it("refuses a deactivated account, even while the IdP's session is still valid", async () => {
    const jar = new Jar();
    expect((await signIn(police, { account: "sub-police", jar })).result.status).toBe("ok");
    await db.user.update({ where: { id: federatedPolice.id }, data: { isActive: false } });
    // The IdP remembers the sign-in: no form this time (an account the IdP was not asked for
    // would fail the test), and Samverkan still says no.
    const { result } = await signIn(police, { account: "not-asked-again", jar });
    expect(result).toEqual({ status: "refused", reason: "inactive" });
    expect(await db.session.count()).toBe(1);
  });

  it("refuses an account whose access review is overdue past the grace period", async () => {
    await db.user.update({
      where: { id: federatedPolice.id },
      data: { accessReviewedAt: new Date(Date.now() - 500 * 86_400_000) },
    });
    expect((await signIn(police, { account: "sub-police" })).result).toEqual({
      status: "refused",
      reason: "suspended",
    });
  });

  it("refuses a code issued to another client", async () => {
    // The browser is sent to the IdP as another client (registered with the same redirect URI):
    // the code is that client's, and the IdP refuses to give it to Samverkan's police client.
    const { result } = await signIn(police, {
      account: "sub-police",
      tamper: (url) => url.searchParams.set("client_id", "other-client"),
    });
    expect(result).toEqual({ status: "refused", reason: "tokenRejected" });
    expect(await db.session.count()).toBe(0);
  });

  it("refuses an answer without its flow, with another flow's state, or replayed", async () => {
    const first = await signIn(police, { account: "sub-police" });
    expect(first.result.status).toBe("ok");
    // The same code again (a replayed callback URL): the IdP has spent it.
    expect(await complete(first.flow, first.callbackParams)).toEqual({ status: "refused", reason: "tokenRejected" });
    // No flow cookie (expired, or another browser).
    expect(await complete(null, first.callbackParams)).toEqual({ status: "refused", reason: "restart" });
    // Another sign-in's flow: state does not match.
    const other = (await beginFederatedSignIn({ providerId: police.id, next: "/", redirectUri: REDIRECT_URI }))!;
    expect(await complete(other.flow, first.callbackParams)).toEqual({ status: "refused", reason: "tokenRejected" });
    // The IdP's own error (the user cancelled).
    const cancelled = new URLSearchParams({ error: "access_denied", state: other.flow.state });
    expect(await complete(other.flow, cancelled)).toEqual({ status: "refused", reason: "idpError" });
    expect(await db.session.count()).toBe(1);
  });

  it("refuses a token without the claim the provider identifies people by", async () => {
    await db.identityProvider.update({
      where: { id: police.id },
      data: { subjectClaim: "employeeNumber", version: 2 },
    });
    expect((await signIn(police, { account: "sub-police" })).result).toEqual({
      status: "refused",
      reason: "missingSubject",
    });
  });

  it("offers nothing for a disabled provider", async () => {
    await db.identityProvider.update({ where: { id: police.id }, data: { isEnabled: false } });
    expect(await beginFederatedSignIn({ providerId: police.id, next: "/", redirectUri: REDIRECT_URI })).toBeNull();
    expect(await beginFederatedSignIn({ providerId: "junk", next: "/", redirectUri: REDIRECT_URI })).toBeNull();
  });
});

describe("signing out and passwords", () => {
  it("sends a federated session's sign-out to the IdP's end-session endpoint with its ID token", async () => {
    const { result } = await signIn(police, { account: "sub-police" });
    const session = await db.session.findUniqueOrThrow({ where: { id: (result as { sessionId: string }).sessionId } });
    const url = (await federatedSignOutUrl(session, POST_LOGOUT))!;
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/session/end`);
    expect(url.searchParams.get("id_token_hint")).toBe(session.idTokenHint);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(POST_LOGOUT);
    expect(await federatedSignOutUrl({ identityProviderId: null, idTokenHint: null }, POST_LOGOUT)).toBeNull();
  });

  it("has no password for a federated account, and refuses passwords where the site has switched them off", async () => {
    const federated = await db.user.findUniqueOrThrow({ where: { id: federatedPolice.id } });
    expect(federated.passwordHash).toBeNull();
    expect(await authenticate({ email: federated.email, password: TEST_PASSWORD })).toEqual({ status: "invalid" });
    await db.site.update({ where: { id: w.site.id }, data: { passwordSignIn: false } });
    expect(await authenticate({ email: w.users.SOCIAL.email, password: "wrong" })).toEqual({ status: "invalid" });
    expect(await authenticate({ email: w.users.SOCIAL.email, password: TEST_PASSWORD })).toEqual({
      status: "passwordDisabled",
    });
  });
});

describe("provisioning: an administrator creates the account, nothing is created at sign-in", () => {
  const create = () =>
    submitWith(ZCreateFederatedUser, (input) => createFederatedUser({ actor: w.actors.ADMIN, input }));
  const fields = {
    name: "Ny Polis",
    email: "Ny.Polis@polisen.test",
    role: "POLICE",
    agency: "",
    federatedSubject: "SE-HSA-NOBODY",
    confirm: "on",
  };

  it("creates an account without a password for the agency's IdP, audited, which can then sign in", async () => {
    expect((await signIn(police, { account: "sub-nobody" })).result).toMatchObject({ reason: "unknownSubject" });
    const state = await create()(fields);
    expect(state.status).toBe("success");
    const user = await db.user.findUniqueOrThrow({ where: { email: "ny.polis@polisen.test" } });
    expect(user).toMatchObject({ role: "POLICE", agency: "POLICE", passwordHash: null, siteId: w.site.id });
    expect(await db.auditEvent.count({ where: { action: "CREATE", entityType: "User", entityId: user.id } })).toBe(1);
    expect((await signIn(police, { account: "sub-nobody" })).result).toMatchObject({ status: "ok", userId: user.id });
  });

  it("says next to the field what is wrong, keeping what was typed", async () => {
    const taken = await create()({ ...fields, federatedSubject: "SE-HSA-POLICE" });
    expect(taken).toMatchObject({ status: "error", fieldErrors: { federatedSubject: "subjectTaken" } });
    expect(taken.status === "error" && taken.values.name).toBe("Ny Polis");
    expect(await create()({ ...fields, email: w.users.POLICE.email })).toMatchObject({
      fieldErrors: { email: "emailTaken" },
    });
    expect(await create()({ ...fields, agency: "SOCIAL" })).toMatchObject({
      fieldErrors: { agency: "agencyOfRole" },
    });
    expect(await create()({ ...fields, role: "MANAGER" })).toMatchObject({ fieldErrors: { agency: "required" } });
    // No IdP for probation at this site: such an account could never sign in.
    expect(await create()({ ...fields, role: "PROBATION" })).toMatchObject({
      fieldErrors: { agency: "noIdentityProvider" },
    });
    expect(await create()({ ...fields, confirm: "" })).toMatchObject({ fieldErrors: { confirm: "confirmRequired" } });
  });

  it("lets only an administrator provision", async () => {
    const asManager = submitWith(ZCreateFederatedUser, (input) =>
      createFederatedUser({ actor: w.actors.MANAGER, input }),
    );
    expect((await asManager(fields)).status).toBe("error");
    expect(await db.user.count({ where: { email: "ny.polis@polisen.test" } })).toBe(0);
  });
});

describe("switching password sign-in off at a site", () => {
  const toggle = () => submitWith(ZSetPasswordSignIn, (input) => setPasswordSignIn({ actor: w.actors.ADMIN, input }));

  it("is refused while the administrator could not get back in through their own agency's IdP", async () => {
    expect(await toggle()({ enabled: "off", version: "1", confirm: "on" })).toMatchObject({
      status: "error",
      formError: "passwordStillNeeded",
    });
    expect((await db.site.findUniqueOrThrow({ where: { id: w.site.id } })).passwordSignIn).toBe(true);
  });

  it("switches off (audited) for a federated administrator, and password sign-in is then refused", async () => {
    await db.user.update({
      where: { id: w.users.ADMIN.id },
      data: { agency: "SOCIAL", federatedSubject: "SE-HSA-ADMIN" },
    });
    expect((await toggle()({ enabled: "off", version: "1", confirm: "on" })).status).toBe("success");
    expect(await db.site.findUniqueOrThrow({ where: { id: w.site.id } })).toMatchObject({
      passwordSignIn: false,
      version: 2,
    });
    expect(await db.auditEvent.count({ where: { action: "SECURITY", entityType: "SystemSetting" } })).toBe(1);
    expect(await authenticate({ email: w.users.POLICE.email, password: TEST_PASSWORD })).toEqual({
      status: "passwordDisabled",
    });
    // A stale form (the version seen before) is a conflict, not a silent second change.
    expect(await toggle()({ enabled: "on", version: "1", confirm: "on" })).toMatchObject({ status: "error" });
  });
});
