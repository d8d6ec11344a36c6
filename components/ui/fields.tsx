"use client";
import type { ReactNode } from "react";
import { cn } from "./cn";

const INPUT = "block w-full min-h-11 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm";

function inputClass(hasError: boolean) {
  return cn(INPUT, hasError ? "border-red-700" : "border-slate-500");
}

type BaseProps = { name: string; label: string; hint?: string; error?: string; required?: boolean };

function Describe({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({
  name,
  id: givenId,
  label,
  hint,
  error,
  required,
  defaultValue,
  type = "text",
  autoComplete,
  multiline,
  rows = 3,
  maxLength,
  inputMode,
}: BaseProps & {
  /** For a page with the same form more than once (one per role): ids must stay unique. */
  id?: string;
  defaultValue?: string;
  type?: string;
  autoComplete?: string;
  multiline?: boolean;
  /** A multi-line field's height in lines (a long text to edit, such as the pledge). */
  rows?: number;
  maxLength?: number;
  inputMode?: "numeric" | "text" | "email";
}) {
  const id = givenId ?? `field-${name}`;
  const common = {
    id,
    name,
    required,
    defaultValue,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    className: inputClass(Boolean(error)),
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea rows={rows} {...common} />
      ) : (
        <input type={type} autoComplete={autoComplete} inputMode={inputMode} {...common} />
      )}
      <Describe id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  required,
  defaultValue,
  options,
  multiple,
  placeholder,
}: BaseProps & {
  defaultValue?: string | string[];
  options: { value: string; label: string }[];
  multiple?: boolean;
  placeholder?: string;
}) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <select
        // React applies a select's defaultValue only when it mounts, and resets the form after an
        // action: remount when the value to show changes, or a failed save would lose the choice.
        key={Array.isArray(defaultValue) ? defaultValue.join("|") : (defaultValue ?? "")}
        id={id}
        name={name}
        required={required}
        multiple={multiple}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(inputClass(Boolean(error)), multiple && "min-h-32")}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Describe id={id} hint={hint} error={error} />
    </div>
  );
}

/** A group of radios or checkboxes in a fieldset with a legend. */
export function ChoiceGroup({
  name,
  label,
  hint,
  error,
  type,
  options,
  defaultValue,
  stacked,
}: BaseProps & {
  type: "radio" | "checkbox";
  options: { value: string; label: string }[];
  defaultValue?: string | string[];
  /** One option per line at every width (long labels). */ stacked?: boolean;
}) {
  const id = `field-${name}`;
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 font-medium">{label}</legend>
      <div className={cn("flex flex-col gap-1", !stacked && "sm:flex-row sm:flex-wrap sm:gap-x-5")}>
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input
              type={type}
              name={name}
              value={o.value}
              defaultChecked={selected.has(o.value)}
              className="size-5 accent-brand-700"
            />
            {o.label}
          </label>
        ))}
      </div>
      <Describe id={id} hint={hint} error={error} />
    </fieldset>
  );
}

export function CheckboxField({ name, label, hint, error, defaultChecked }: BaseProps & { defaultChecked?: boolean }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 font-medium">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="size-5 accent-brand-700"
        />
        {label}
      </label>
      <Describe id={id} hint={hint} error={error} />
    </div>
  );
}

export function FormErrorSummary({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      {children}
    </div>
  );
}
