"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/form-state";
import { buttonClass, Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/fields";

/**
 * What a form shows after a failed save: every field puts back what the user typed (never the
 * stored value, which would silently undo their work), and its own error.
 */
export function useFormValues(state: FormState) {
  const errorText = useErrorText();
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  return {
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

export { FormErrorBanner } from "@/components/ui/fields";

export function SubmitRow({
  pending,
  label,
  pendingLabel,
  cancelHref,
  cancelLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  cancelHref?: string;
  cancelLabel?: string;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {cancelHref && cancelLabel ? (
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {cancelLabel}
        </Link>
      ) : null}
    </div>
  );
}

/** A group of fields with a visible heading (fieldset + legend), for long forms. */
export function FieldSection({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-3 sm:p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  );
}
