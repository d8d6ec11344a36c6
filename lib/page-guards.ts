import "server-only";
import { notFound, redirect } from "next/navigation";
import { AccessReasonRequiredError, NotFoundError } from "@/lib/errors";

/* What a page does with the domain layer's expected refusals: not found, or the caseload gate's question. */

/** For pages: a record that does not exist or may not be seen becomes Next's 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

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
