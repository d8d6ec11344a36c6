import "server-only";
import * as oidc from "openid-client";
import { z } from "zod";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { accessReviewStatus } from "@/lib/access-review/rules";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { actorOf } from "../actor";
import { open, seal } from "../secret-box";
import { startSession } from "../sessions";
import { clientConfiguration, findProvider, type ProviderRow } from "./providers";

/*
 * Signing in through an agency's identity provider (OpenID Connect, authorization code flow with
 * PKCE, state and nonce; issue 14, docs/decisions/013). openid-client checks the ID token's
 * signature, issuer, audience, expiry and nonce; this file adds what Samverkan requires of it:
 * assurance level 3 (`acr`), a stable subject in the configured claim, and an account that an
 * administrator provisioned for that subject at the IdP's agency and site. Nothing is created on
 * the fly and no role is read from the token: the account says who may see what.
 */

/** What the browser carries between the redirect to the IdP and the way back: sealed, minutes long. */
const ZFlow = z.object({
  providerId: z.uuid(),
  verifier: z.string().min(43),
  state: z.string().min(16),
  nonce: z.string().min(16),
  next: z.string(),
  expiresAt: z.number(),
});
export type Flow = z.infer<typeof ZFlow>;

const FLOW_PURPOSE = "oidc-flow";
export const FLOW_TTL_SECONDS = 10 * 60;

export function sealFlow(flow: Flow, key = env().AUTH_SECRET): string {
  return seal(key, FLOW_PURPOSE, JSON.stringify(flow));
}

export function openFlow(sealed: string | undefined, now = Date.now(), key = env().AUTH_SECRET): Flow | null {
  if (!sealed || sealed.length > 4000) return null;
  const plain = open(key, FLOW_PURPOSE, sealed);
  if (!plain) return null;
  try {
    const flow = ZFlow.parse(JSON.parse(plain));
    return flow.expiresAt > now ? flow : null;
  } catch {
    return null;
  }
}

/** Step 1: the IdP's authorization URL for this provider, asking for level 3, and the flow to keep. */
export async function beginFederatedSignIn({
  providerId,
  next,
  redirectUri,
  now = Date.now(),
}: {
  providerId: string;
  next: string;
  redirectUri: string;
  now?: number;
}): Promise<{ url: URL; flow: Flow } | null> {
  const provider = z.uuid().safeParse(providerId).success ? await findProvider(providerId) : null;
  if (!provider?.isEnabled) return null;
  const config = await clientConfiguration(provider);
  const verifier = oidc.randomPKCECodeVerifier();
  const flow: Flow = {
    providerId: provider.id,
    verifier,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    next,
    expiresAt: now + FLOW_TTL_SECONDS * 1000,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    acr_values: provider.acceptedAcr.join(" "),
  });
  return { url, flow };
}

/** Why a federated sign-in was refused; the login page explains each in Swedish. */
export type FederatedRefusal =
  /** No flow cookie, or an expired one, or a provider that was removed meanwhile. */
  | "restart"
  /** The IdP answered with an error (the user cancelled, or the IdP refused). */
  | "idpError"
  /** The code exchange or the ID token failed a check (state, issuer, audience, signature, nonce). */
  | "tokenRejected"
  | "lowAssurance"
  | "missingSubject"
  | "unknownSubject"
  | "wrongAgency"
  | "inactive"
  | "suspended";

export type FederatedResult =
  { status: "ok"; userId: string; sessionId: string; next: string } | { status: "refused"; reason: FederatedRefusal };

const USER_SELECT = {
  id: true,
  siteId: true,
  role: true,
  name: true,
  agency: true,
  isActive: true,
  createdAt: true,
  accessReviewedAt: true,
  site: { select: { accessReviewMonths: true, accessReviewGraceDays: true } },
} as const;

/** A refusal before any account is known: audited without an actor, at the IdP's site. */
async function refuse(
  reason: FederatedRefusal,
  provider: ProviderRow | null,
  extra: Record<string, string> = {},
): Promise<FederatedResult> {
  await recordAuditNow(null, {
    action: "SIGN_IN_FAILED",
    entityType: "User",
    siteId: provider?.siteId,
    metadata: {
      step: "oidc",
      reason,
      ...(provider ? { providerId: provider.id, agency: provider.agency } : {}),
      ...extra,
    },
  });
  return { status: "refused", reason };
}

/**
 * Step 2, the IdP's redirect back: the code exchanged (with the PKCE verifier), the ID token's
 * checks, then the account. Every refusal is audited; the subject is recorded for an unknown one
 * (it identifies a member of staff, never a person in the register) so that an administrator can
 * provision the account the person expected.
 */
export async function completeFederatedSignIn({
  flow,
  callbackParams,
  redirectUri,
  now = new Date(),
}: {
  flow: Flow | null;
  callbackParams: URLSearchParams;
  redirectUri: string;
  now?: Date;
}): Promise<FederatedResult> {
  const provider = flow ? await findProvider(flow.providerId) : null;
  if (!flow || !provider?.isEnabled) return refuse("restart", provider);
  if (callbackParams.has("error"))
    return refuse("idpError", provider, { error: callbackParams.get("error")!.slice(0, 100) });

  let claims: oidc.IDToken;
  let idToken: string;
  try {
    const config = await clientConfiguration(provider);
    // The redirect URI as registered, with the IdP's parameters: the request's own URL may name
    // another host behind a proxy, and the token request must repeat the URI the code was sent to.
    const currentUrl = new URL(redirectUri);
    currentUrl.search = callbackParams.toString();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    idToken = tokens.id_token!;
  } catch (error) {
    const code =
      error instanceof Error ? ((error as { code?: string; error?: string }).error ?? error.name) : "unknown";
    return refuse("tokenRejected", provider, { error: String(code).slice(0, 100) });
  }

  const acr = typeof claims.acr === "string" ? claims.acr : "";
  if (!provider.acceptedAcr.includes(acr)) return refuse("lowAssurance", provider, { acr: acr.slice(0, 200) });
  const subjectValue = claims[provider.subjectClaim];
  if (typeof subjectValue !== "string" || subjectValue.trim() === "")
    return refuse("missingSubject", provider, { claim: provider.subjectClaim });
  const subject = subjectValue.trim();

  // The account provisioned for this subject at the IdP's site; its agency must be the IdP's:
  // an IdP vouches for its own organisation's staff only.
  const candidates = await db.user.findMany({
    where: { siteId: provider.siteId, federatedSubject: subject },
    select: USER_SELECT,
  });
  const user = candidates.find((u) => u.agency === provider.agency);
  if (!user) {
    return refuse(candidates.length > 0 ? "wrongAgency" : "unknownSubject", provider, {
      subject: subject.slice(0, 200),
    });
  }
  const actor = actorOf(user);
  const failed = async (reason: FederatedRefusal) => {
    await recordAuditNow(actor, {
      action: "SIGN_IN_FAILED",
      entityType: "User",
      entityId: user.id,
      metadata: { step: "oidc", reason, providerId: provider.id, agency: provider.agency },
    });
    return { status: "refused", reason } as const;
  };
  if (!user.isActive) return failed("inactive");
  if (accessReviewStatus(user, user.site, now).status === "suspended") return failed("suspended");

  const sessionId = await db.$transaction(async (tx) => {
    const id = await startSession(tx, user.id, now, { identityProviderId: provider.id, idTokenHint: idToken });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, actor, {
      action: "SIGN_IN",
      entityType: "User",
      entityId: user.id,
      metadata: { method: "oidc", providerId: provider.id, agency: provider.agency, acr },
    });
    return id;
  });
  return { status: "ok", userId: user.id, sessionId, next: flow.next };
}

/**
 * Where signing out sends the browser: the IdP's end-session endpoint with the session's ID token
 * as hint, so that the IdP's session ends too and the next sign-in asks for the card again. Null
 * for a password session, or when the IdP is unreachable (the Samverkan session ends regardless).
 */
export async function federatedSignOutUrl(
  session: { identityProviderId: string | null; idTokenHint: string | null },
  postLogoutRedirectUri: string,
): Promise<URL | null> {
  if (!session.identityProviderId || !session.idTokenHint) return null;
  const provider = await findProvider(session.identityProviderId);
  if (!provider) return null;
  try {
    const config = await clientConfiguration(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      id_token_hint: session.idTokenHint,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  } catch {
    return null;
  }
}
