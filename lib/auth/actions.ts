"use server";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { recordAuditNow } from "@/lib/audit";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/request";
import { signIn, signOut } from "./index";
import { getActor } from "./session";

export type SignInState = { error?: "invalid" | "unavailable"; email?: string };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").slice(0, 320);
  try {
    // On success this throws Next's redirect to "/", which sends each role to its start page.
    await signIn("credentials", { email, password: String(formData.get("password") ?? ""), redirectTo: safeNext(formData.get("next")) });
    return {};
  } catch (error) {
    // One message whatever went wrong, so the answer never tells whether the account exists.
    if (error instanceof AuthError) return { error: error.type === "CredentialsSignin" ? "invalid" : "unavailable", email };
    throw error;
  }
}

/** Only a path on this site: never an open redirect to another host. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordAuditNow(actor, { action: "SIGN_OUT", entityType: "User", entityId: actor.id });
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = String(formData.get("locale"));
  if (!(LOCALES as readonly string[]).includes(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}
