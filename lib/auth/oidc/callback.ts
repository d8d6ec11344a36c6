import "server-only";
import { isDatabaseUnavailable } from "@/lib/db";
import { requestLogger } from "@/lib/logger";
import { sealGrant } from "../grant";
import { signIn } from "../index";
import { safeNext } from "../schemas";
import { redirectUri, takeFlow } from "./cookie";
import { completeFederatedSignIn } from "./flow";

/**
 * The callback's work, for the route handler: where to send the browser. Signed in: where the
 * user was going. Refused: the login page with the reason, which it explains in Swedish.
 */
export async function federatedCallback(params: URLSearchParams): Promise<string> {
  try {
    const result = await completeFederatedSignIn({
      flow: await takeFlow(),
      callbackParams: params,
      redirectUri: await redirectUri(),
    });
    if (result.status === "refused") return `/login?federated=${result.reason}`;
    // Auth.js writes the session cookie for the session flow.ts opened, as after a TOTP code.
    await signIn("credentials", { grant: sealGrant(result), redirect: false });
    return safeNext(result.next);
  } catch (error) {
    (await requestLogger()).error(
      { err: error, step: "oidc-callback", databaseUnavailable: isDatabaseUnavailable(error) },
      "federated sign-in failed",
    );
    return "/login?federated=unavailable";
  }
}
