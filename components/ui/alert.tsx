import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: "border-red-700 bg-red-50 text-red-900",
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand-700 bg-brand-50 text-brand-900",
  warning: "border-amber-600 bg-amber-50 text-amber-950",
  // Danger to staff (a warning flag): shown on the page from the start, so a status, not an alert.
  danger: "border-red-800 bg-red-100 text-red-950",
} as const;

export function Alert({ tone, children, id }: { tone: keyof typeof TONES; children: ReactNode; id?: string }) {
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border-l-4 p-3", TONES[tone])}>
      {children}
    </div>
  );
}
