"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE } from "@/i18n/request";
import { recordAuditNow } from "@/lib/audit";
import { isDatabaseUnavailable } from "@/lib/db";
import { handleForm, type FormState } from "@/lib/forms";
import { requestLogger } from "@/lib/logger";
import { requestMeta } from "@/lib/request-meta";
import { formDataToObject } from "@/lib/validation/form-data";
import { db } from "@/lib/db";
import { sealGrant } from "./grant";
import { signIn, signOut } from "./index";
import { appOrigin, keepFlow, redirectUri } from "./oidc/cookie";
import { beginFederatedSignIn, federatedSignOutUrl } from "./oidc/flow";
import { changePassword } from "./password-change";
import { getCurrentSession, requireActor } from "./session";
import {
  safeNext,
  ZChangePassword,
  ZFederatedSignIn,
  ZFinishEnrolment,
  ZRecoveryCode,
  ZSetLocale,
  ZSignIn,
  ZTotpCode,
} from "./schemas";
import { authenticate, completeEnrolment, useRecoveryCode, verifyTotp, type SecondFactorResult } from "./sign-in";
import { clearTicket, issueTicket, readTicket, type Ticket } from "./ticket";
import { newTotpSecret } from "./totp";

/*
 * The sign-in forms' server actions. They hold no rules of their own: sign-in.ts decides, these
 * carry the ticket cookie between the steps and hand the finished sign-in to Auth.js. Answers are
 * deliberately few: "invalid" for any wrong e-mail, password or code, "locked" while throttled.
 */

export type SignInState = {
  error?: "invalid" | "invalidCode" | "locked" | "unavailable" | "passwordDisabled" | "suspended";
  /** Whole minutes until a lock ends (rounded up), for the "locked" message. */
  minutes?: number;
  email?: string;
  /** After enrolment: the recovery codes, shown once. */
  recoveryCodes?: string[];
  next?: string;
};

async function clientMeta() {
  return { ip: (await requestMeta()).ipAddress };
}

/** An outage answers "try again"; anything else is logged with the request id and answered the same. */
async function unavailable(error: unknown, step: string): Promise<SignInState> {
  (await requestLogger()).error(
    { err: error, step, databaseUnavailable: isDatabaseUnavailable(error) },
    "sign-in step failed",
  );
  return { error: "unavailable" };
}

const lockedState = (seconds: number): SignInState => ({ error: "locked", minutes: Math.ceil(seconds / 60) });

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = ZSignIn.safeParse(formDataToObject(formData));
  if (!parsed.success) return { error: "invalid" };
  const input = parsed.data;
  let stage: Ticket["stage"];
  try {
    const result = await authenticate({ email: input.email, password: input.password }, await clientMeta());
    if (result.status === "locked") return { ...lockedState(result.retryAfterSeconds), email: input.email };
    if (result.status !== "ok") return { error: result.status, email: input.email };
    stage = result.hasSecondFactor ? "verify" : "enrol";
    await issueTicket({
      userId: result.userId,
      stage,
      secret: stage === "enrol" ? newTotpSecret() : undefined,
      next: safeNext(input.next),
    });
  } catch (error) {
    return { ...(await unavailable(error, "password")), email: input.email };
  }
  redirect(stage === "verify" ? "/login/verify" : "/login/enrol");
}

/** Both factors passed: Auth.js writes the session cookie for the session sign-in.ts opened. */
async function establish(result: Extract<SecondFactorResult, { status: "ok" }>): Promise<void> {
  await signIn("credentials", { grant: sealGrant(result), redirect: false });
}

/** A ticket that no longer holds (expired, or the account changed meanwhile): start again. */
async function restart(): Promise<never> {
  await clearTicket();
  redirect("/login?session=restart");
}

async function secondFactorAction(
  formData: FormData,
  stage: Ticket["stage"],
  run: (ticket: Ticket, code: string) => Promise<SecondFactorResult & { recoveryCodes?: string[] }>,
  parse: (raw: unknown) => string | null,
): Promise<SignInState> {
  const ticket = await readTicket();
  if (!ticket || ticket.stage !== stage) return restart();
  const code = parse(formDataToObject(formData));
  if (code === null) return { error: "invalidCode" };
  let result: SecondFactorResult & { recoveryCodes?: string[] };
  try {
    result = await run(ticket, code);
    if (result.status === "ok") await establish(result);
  } catch (error) {
    return unavailable(error, stage);
  }
  if (result.status === "restart") return restart();
  if (result.status === "locked") return lockedState(result.retryAfterSeconds);
  if (result.status === "invalid") return { error: "invalidCode" };
  // Enrolment stays on its page to show the recovery codes once; the ticket then opens nothing
  // (the account has a second factor now), and it is cleared on the way out.
  if (result.recoveryCodes) return { recoveryCodes: result.recoveryCodes, next: ticket.next };
  await clearTicket();
  // Checked again here, not only when the ticket was issued: a ticket sealed before the rule was
  // tightened lives on for minutes, and a bad path at this step would fail after the session opened.
  redirect(safeNext(ticket.next));
}

const totpCode = (raw: unknown) => {
  const parsed = ZTotpCode.safeParse(raw);
  return parsed.success ? parsed.data.code : null;
};

export async function verifyCodeAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  return secondFactorAction(
    formData,
    "verify",
    async (ticket, code) =>
      verifyTotp({ userId: ticket.userId, ticketIssuedAt: ticket.issuedAt, code }, await clientMeta()),
    totpCode,
  );
}

export async function recoveryCodeAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  return secondFactorAction(
    formData,
    "verify",
    async (ticket, code) =>
      useRecoveryCode({ userId: ticket.userId, ticketIssuedAt: ticket.issuedAt, code }, await clientMeta()),
    (raw) => {
      const parsed = ZRecoveryCode.safeParse(raw);
      return parsed.success ? parsed.data.code : null;
    },
  );
}

export async function enrolAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  return secondFactorAction(
    formData,
    "enrol",
    async (ticket, code) => {
      if (!ticket.secret) return { status: "restart" };
      return completeEnrolment(
        { userId: ticket.userId, ticketIssuedAt: ticket.issuedAt, code, secret: ticket.secret },
        await clientMeta(),
      );
    },
    totpCode,
  );
}

/** "I have saved the codes": leaves enrolment for where the user was going. */
export async function finishEnrolmentAction(formData: FormData): Promise<void> {
  await clearTicket();
  const parsed = ZFinishEnrolment.safeParse(formDataToObject(formData));
  redirect(safeNext(parsed.success ? parsed.data.next : undefined));
}

export async function cancelSignInAction(): Promise<void> {
  await clearTicket();
  redirect("/login");
}

/**
 * "Logga in med e-legitimation": off to the agency's IdP, with the flow (PKCE verifier, state,
 * nonce) kept in a sealed cookie for the way back (app/login/oidc/callback/route.ts).
 */
export async function startFederatedSignInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = ZFederatedSignIn.safeParse(formDataToObject(formData));
  if (!parsed.success) return { error: "invalid" };
  let url: URL;
  try {
    const begun = await beginFederatedSignIn({
      providerId: parsed.data.providerId,
      next: safeNext(parsed.data.next),
      redirectUri: await redirectUri(),
    });
    if (!begun) return { error: "invalid" };
    await keepFlow(begun.flow);
    url = begun.url;
  } catch (error) {
    // The IdP's discovery failed (down, or misconfigured): "try again", logged with the request id.
    return unavailable(error, "oidc");
  }
  redirect(url.href);
}

export async function signOutAction(): Promise<void> {
  const { actor, sessionId } = await getCurrentSession();
  let idpSignOut: URL | null = null;
  if (actor) {
    await recordAuditNow(actor, { action: "SIGN_OUT", entityType: "User", entityId: actor.id });
    const session = await db.session.findUnique({
      where: { id: sessionId },
      select: { identityProviderId: true, idTokenHint: true },
    });
    if (session) idpSignOut = await federatedSignOutUrl(session, `${await appOrigin()}/login?session=signedOut`);
  }
  // Auth.js's signOut event (lib/auth/index.ts) ends the server-side session; a session opened
  // through an IdP then ends there too (its end-session endpoint sends the browser back here).
  if (!idpSignOut) {
    await signOut({ redirectTo: "/login" });
    return;
  }
  await signOut({ redirect: false });
  redirect(idpSignOut.href);
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const { sessionId } = await getCurrentSession();
  const meta = await clientMeta();
  const state = await handleForm(formData, ZChangePassword, (input) =>
    changePassword({ actor, sessionId: sessionId!, input }, meta),
  );
  // Passwords are never sent back into the form.
  return state.status === "error" ? { ...state, values: {} } : state;
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  await requireActor();
  const parsed = ZSetLocale.safeParse(formDataToObject(formData));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}
