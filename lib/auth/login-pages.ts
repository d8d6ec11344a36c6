import "server-only";
import { redirect } from "next/navigation";
import { START_PAGE } from "@/lib/authz";
import { isDatabaseUnavailable } from "@/lib/db";
import { ServiceUnavailableError } from "@/lib/errors";
import { isDemoData } from "@/lib/settings";
import { enrolmentView } from "./enrolment";
import { listSignInProviders, type SignInProvider } from "./oidc/providers";
import { getCurrentSession } from "./session";
import { readTicket, type Ticket } from "./ticket";

/* What the sign-in pages need, one function per page (app/login/**). */

async function demoFlag(): Promise<boolean> {
  try {
    return await isDemoData();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
}

/** Step 1. Someone already signed in goes to their start page instead. */
export async function loginPage(): Promise<{ demo: boolean; providers: SignInProvider[] }> {
  // The session's actor even while the pledge is pending (getActor is null then): a signed-in
  // user goes on to their start page, which sends them to the pledge, not back to this form.
  const { actor } = await getCurrentSession();
  if (actor) redirect(START_PAGE[actor.role]);
  try {
    const [demo, providers] = await Promise.all([isDemoData(), listSignInProviders()]);
    return { demo, providers };
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
}

/** Step 2 pages need a live ticket of their stage; without one, signing in starts over. */
async function requireTicket(stage: Ticket["stage"]): Promise<Ticket> {
  const ticket = await readTicket();
  if (!ticket || ticket.stage !== stage) redirect("/login?session=restart");
  return ticket;
}

export async function verifyPage(): Promise<{ demo: boolean }> {
  await requireTicket("verify");
  return { demo: await demoFlag() };
}

/**
 * Enrolment. Once it is done the page is re-rendered with the user signed in (the session cookie
 * was set): it then shows no QR code, and the form keeps showing the recovery codes it received.
 */
export async function enrolPage(): Promise<{ demo: boolean; view: { qrSvg: string; manualKey: string } | null }> {
  const demo = await demoFlag();
  const ticket = await readTicket();
  const signedIn = Boolean((await getCurrentSession()).actor);
  if (ticket?.stage === "enrol" && ticket.secret && !signedIn) {
    return { demo, view: await enrolmentView(ticket.userId, ticket.secret) };
  }
  if (ticket?.stage === "enrol" || signedIn) return { demo, view: null };
  redirect("/login?session=restart");
}
