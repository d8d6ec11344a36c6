import type { ReactNode } from "react";
import { Alert } from "./alert";
import { cn } from "./cn";

const HEADING = { 2: "h2", 3: "h3" } as const;

/**
 * A block of a page under its own heading: a card (`framed`, the default) or a plain section, the
 * heading at the level the page's outline needs (h2 under the page's h1, h3 inside a section),
 * optional actions beside the heading, and the text shown instead of the content when there is
 * none. `id` names the section for assistive technology (aria-labelledby), so it is required.
 */
export function Section({
  id,
  title,
  level = 2,
  intro,
  actions,
  empty,
  isEmpty = false,
  framed = true,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  level?: keyof typeof HEADING;
  intro?: ReactNode;
  actions?: ReactNode;
  /** Shown instead of `children` when `isEmpty`. */
  empty?: ReactNode;
  isEmpty?: boolean;
  framed?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const Heading = HEADING[level];
  return (
    <section
      aria-labelledby={id}
      className={cn(framed && "rounded-lg border border-slate-300 bg-white p-4 print:p-2", className)}
    >
      <div className={cn("flex flex-wrap items-start justify-between gap-x-4 gap-y-2", intro ? "mb-1" : "mb-3")}>
        <Heading id={id} className={cn("font-semibold break-after-avoid", level === 2 ? "text-lg" : "text-base")}>
          {title}
        </Heading>
        {actions ? <div className="flex flex-wrap gap-2 print:hidden">{actions}</div> : null}
      </div>
      {intro ? <p className="mb-3 text-sm text-slate-700">{intro}</p> : null}
      {isEmpty ? <p>{empty}</p> : children}
    </section>
  );
}

/**
 * The notice a page shows after a save redirected to it with `?saved=…` (or `?done=…`): the
 * message for a key the page knows, nothing for any other value (the address is the user's to edit).
 */
export function SavedNotice({ value, messages }: { value: unknown; messages: Record<string, string> }) {
  const message = typeof value === "string" && Object.hasOwn(messages, value) ? messages[value] : undefined;
  if (!message) return null;
  return (
    <div className="mb-4 print:hidden">
      <Alert tone="success">{message}</Alert>
    </div>
  );
}
