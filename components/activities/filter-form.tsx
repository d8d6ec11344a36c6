import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A list's search and filters: a plain GET form, so every filtered view has its own URL. */
export function FilterForm({
  label,
  submitLabel,
  children,
}: {
  label: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      role="search"
      aria-label={label}
      className="mb-4 grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(11rem,1fr))] sm:items-end"
    >
      {children}
      <div>
        <Button type="submit" className="w-full sm:w-auto">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

const INPUT = "block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base";

export function FilterText({
  name,
  label,
  defaultValue,
  type = "search",
  error,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  type?: "search" | "date";
  error?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        maxLength={100}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={error ? INPUT.replace("border-slate-500", "border-red-700") : INPUT}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FilterSelect({
  name,
  label,
  defaultValue,
  options,
  allLabel,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  allLabel: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={defaultValue ?? ""} className={INPUT}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Builds a list URL from its filters, leaving out empty ones. */
export function listHref(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
