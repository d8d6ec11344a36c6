import "server-only";
import { redirect } from "next/navigation";
import { AccessReasonRequiredError } from "./index";

/**
 * For pages about one person (their file, and the records and forms about them): when the caseload
 * gate asks for a reason, go to the reason form and come back to `next` afterwards. Pages that know
 * only a record's id (a referral, a follow-up) pass null: the gate names the person.
 */
export async function withAccessPrompt<T>(
  personId: string | null,
  promise: Promise<T>,
  next = personId ? `/people/${personId}` : undefined,
): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AccessReasonRequiredError)
      redirect(
        `/people/${error.personId}/access?${new URLSearchParams({ next: next ?? `/people/${error.personId}` })}`,
      );
    throw error;
  }
}
