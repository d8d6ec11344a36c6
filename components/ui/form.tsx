"use client";
import { useActionState, useCallback, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { unstable_isUnrecognizedActionError, unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/form-state";
import { FORM_TOO_LARGE_MESSAGE } from "@/lib/web-security";
import { FormErrorSummary } from "./fields";

/** The hidden field with the submission's key (lib/forms.ts#SUBMISSION_FIELD). */
const SUBMISSION_FIELD = "$submission";

/** Answers after which the submission's key is kept (lib/forms.ts#handleForm). */
const KEPT_KEY_ERRORS = new Set(["submissionPending", "submissionChanged"]);

type FormAction<S extends FormState> = (previous: S, formData: FormData) => Promise<S>;

/** The translated message for an error key of the one "errors" catalogue (messages/sv/errors.json). */
export function useErrorText() {
  const t = useTranslations("errors");
  return (key: string | undefined) => (key ? (t.has(key) ? t(key) : t("invalid")) : undefined);
}

/**
 * The one way a form talks to its server action. It gives the form
 * - what the user typed after any failure (never the stored value, which would silently undo
 *   their work) and each field's error, through `value`, `list`, `checked` and `error`;
 * - a `key` that changes with every answer: React resets a form after its action, and a <select>
 *   keeps only the defaultValue it was mounted with, so the form is remounted to show the input;
 * - for a failure before the server answered (the connection dropped, a proxy's error page), a
 *   form-level error with the typed values instead of the error page, "Ingen anslutning – försök
 *   igen" when the browser is offline or the request never completed, "Appen har uppdaterats.
 *   Ladda om sidan." when the server no longer knows the page's action (a deploy since it loaded);
 * - a submission key, sent with the form, that stays the same until the server has answered, so
 *   that "try again" after a lost answer returns the first answer instead of saving twice.
 */
export function useForm<S extends FormState = FormState>(action: FormAction<S>, initial: S = IDLE as S) {
  const errorText = useErrorText();
  // Made at the first submit and kept until the server answers, so a retry sends the same key.
  const submission = useRef<string | null>(null);
  const guarded = useCallback<FormAction<S>>(
    async (previous, formData) => {
      submission.current ??= newKey();
      formData.set(SUBMISSION_FIELD, submission.current);
      try {
        const state = await action(previous, formData);
        // The key is done with once the server has settled the submission. While the first is
        // still saving, or a changed form met a submission that may have been saved, it stays:
        // a new key would let the next press save a second record.
        if (!(state.status === "error" && KEPT_KEY_ERRORS.has(state.formError ?? ""))) submission.current = null;
        return state;
      } catch (error) {
        // A redirect after a save is the server's answer too, handled by Next's router.
        if (isRedirectOrNotFound(error)) submission.current = null;
        unstable_rethrow(error);
        const failed: FormState = {
          status: "error",
          formError: failureKey(error),
          fieldErrors: {},
          values: typedValues(formData),
        };
        return failed as S;
      }
    },
    [action],
  );
  const [state, formAction, pending] = useActionState<S, FormData>(guarded, initial as Awaited<S>);

  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey(key + 1);
  }

  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  return {
    state,
    action: formAction,
    pending,
    key,
    /** The typed value, or `fallback` before the first submit. */
    value(name: string, fallback = ""): string {
      const v = values?.[name];
      return typeof v === "string" ? v : values ? "" : fallback;
    },
    list(name: string, fallback: string[] = []): string[] {
      const v = values?.[name];
      return Array.isArray(v) ? v : typeof v === "string" ? [v] : values ? [] : fallback;
    },
    checked(name: string, fallback = false): boolean {
      return values ? values[name] === "on" : fallback;
    },
    error(name: string): string | undefined {
      return errorText(fieldErrors[name]);
    },
  };
}

export type FormControl<S extends FormState = FormState> = ReturnType<typeof useForm<S>>;

/**
 * A form run by `useForm`: the element, remounted with every answer, and the form-level error
 * banner above the fields (`banner={false}` for a form that places it itself).
 */
export function Form<S extends FormState>({
  form,
  children,
  banner = true,
  ...attributes
}: Omit<ComponentProps<"form">, "action" | "children"> & {
  form: FormControl<S>;
  children: ReactNode;
  banner?: boolean;
}) {
  return (
    <form key={form.key} action={form.action} {...attributes}>
      {banner ? <FormErrorBanner state={form.state} /> : null}
      {children}
    </form>
  );
}

/** The message above a form after a failed save, with the event id for an unexpected error. */
export function FormErrorBanner({ state }: { state: FormState }) {
  const te = useTranslations("errors");
  const errorText = useErrorText();
  if (state.status !== "error" || !state.formError) return null;
  return (
    <FormErrorSummary>
      <p>{errorText(state.formError)}</p>
      {state.eventId ? <p className="text-sm">{te("eventId", { eventId: state.eventId })}</p> : null}
    </FormErrorSummary>
  );
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isRedirectOrNotFound(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

/** What the form says when the server's answer never came or was not the app's. */
function failureKey(error: unknown): string {
  // A page loaded before a deploy posts an action id the new build does not know: Next.js answers
  // 409 with x-nextjs-action-not-found and its client throws this. Nothing ran; a reload helps.
  if (unstable_isUnrecognizedActionError(error)) return "appUpdated";
  if (isConnectionFailure(error)) return "offline";
  // proxy.ts refuses a body over 1 MB before any action runs, as text Next's client raises as the message.
  if (error instanceof Error && error.message === FORM_TOO_LARGE_MESSAGE) return "formTooLarge";
  return "unexpected";
}

/**
 * fetch() rejects with a TypeError when the request does not complete (no network, the
 * connection dropped, the server went away); anything else that reaches here is a response the
 * app did not send (a proxy's error page), shown as the generic message.
 */
function isConnectionFailure(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== "undefined" && navigator.onLine === false);
}

function typedValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith("$") || typeof value !== "string") continue;
    const prior = out[name];
    out[name] = prior === undefined ? value : [prior, value].flat();
  }
  return out;
}
