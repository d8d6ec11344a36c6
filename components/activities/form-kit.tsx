"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass, Button } from "@/components/ui/button";

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
