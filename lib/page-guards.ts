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
 * The one guard of a page about one person (their file, or a record or form about them): a person
 * or record the actor may not see is the 404 page, exactly like one that does not exist; outside
 * the actor's caseload, the caseload gate's reason form comes first and brings the user back to
 * `returnTo` (this page's own path). Pages that know only a record's id (a referral, a follow-up)
 * need nothing more: the gate names the person.
 */
export async function personPage<T>(load: Promise<T>, returnTo: string): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AccessReasonRequiredError)
      redirect(`/people/${error.personId}/access?${new URLSearchParams({ next: returnTo })}`);
    throw error;
  }
}
