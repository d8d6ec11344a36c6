/** What a form's server action returns to the form (shared by server and client code). */
export type FormState =
  | { status: "idle" }
  | { status: "success"; message?: string }
  | {
      status: "error";
      /** key in the "errors" catalogue for a message above the form */
      formError?: string;
      /** field name → key in the "errors" catalogue */
      fieldErrors: Record<string, string>;
      /** what the user typed, to put back into the form */
      values: Record<string, string | string[]>;
      /** shown with the generic message, so support can find the server log entry */
      eventId?: string;
    };

export const IDLE: FormState = { status: "idle" };
