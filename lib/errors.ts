// Typed, expected errors of the domain layer. Anything else is unexpected: logged with an event
// id and shown to the user as a generic Swedish message (never a stack trace).

/** The record does not exist, or the actor may not see it: the two are indistinguishable. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Someone else saved the record since the user opened it (optimistic locking). */
export class ConflictError extends Error {
  constructor() {
    super("version conflict");
    this.name = "ConflictError";
  }
}

/** Input that passed the schema but breaks a rule only the server can check. */
export class RuleError extends Error {
  constructor(
    /** next-intl key under "errors" */
    readonly key: string,
    readonly field?: string,
  ) {
    super(key);
    this.name = "RuleError";
  }
}

/**
 * The caseload gate (lib/caseload-gate): the actor may see the person but has not given a reason for
 * opening their file. Pages send the user to the reason form; forms show it above the form and
 * keep what was typed. Here, beside the other expected errors, so handleForm knows it.
 */
export class AccessReasonRequiredError extends Error {
  constructor(readonly personId: string) {
    super("access reason required");
    this.name = "AccessReasonRequiredError";
  }
}

/**
 * The database cannot be reached right now (restart, failover). Its digest survives Next's
 * scrubbing of server errors, so the error page can say "try again in a moment" rather than
 * "something went wrong", without any detail reaching the browser.
 */
export const SERVICE_UNAVAILABLE_DIGEST = "SAMVERKAN_SERVICE_UNAVAILABLE";

export class ServiceUnavailableError extends Error {
  readonly digest = SERVICE_UNAVAILABLE_DIGEST;
  constructor() {
    super("database unavailable");
    this.name = "ServiceUnavailableError";
  }
}
