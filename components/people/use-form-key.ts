"use client";
import { useState } from "react";

/**
 * A key that changes with every answer of a form's server action. After a failed save React
 * resets the form; text fields then show their new defaultValue (what the user typed), but a
 * <select> keeps only the defaultValue it was mounted with. Keying the form remounts it, so every
 * field, selects included, shows the user's input again.
 */
export function useFormKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey(key + 1);
  }
  return key;
}
