import "server-only";
import { redirect } from "next/navigation";
import { AccessReasonRequiredError } from "./index";

/**
 * For pages of a person's file: when the caseload gate asks for a reason, go to the reason form
 * and come back to `next` (a page of the same file) afterwards.
 */
export async function withAccessPrompt<T>(personId: string, promise: Promise<T>, next = `/people/${personId}`): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AccessReasonRequiredError) redirect(`/people/${error.personId}/access?${new URLSearchParams({ next })}`);
    throw error;
  }
}
