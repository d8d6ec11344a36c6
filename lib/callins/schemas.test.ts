import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { attendeeField, ZEditCallIn } from "./schemas";

const A = "0193a1b2-0000-7000-8000-0000000000aa";
const B = "0193a1b2-0000-7000-8000-0000000000bb";
const base = {
  callInId: "0193a1b2-0000-7000-8000-000000000001",
  version: "3",
  occurredAt: "2026-01-10T17:00",
  venue: "Rådhuset",
};

describe("ZEditCallIn", () => {
  it("gathers one row per attendee from the form's per-row fields", () => {
    const parsed = ZEditCallIn.parse({
      ...base,
      attendee: [A, B],
      [attendeeField.status(A)]: "ATTENDED",
      [attendeeField.response(A)]: "POSITIVE",
      [attendeeField.askedForHelp(A)]: "on",
      [attendeeField.status(B)]: "ABSENT",
      [attendeeField.remove(B)]: "on",
    });
    expect(parsed.version).toBe(3);
    expect(parsed.attendees).toEqual([
      { personId: A, status: "ATTENDED", response: "POSITIVE", askedForHelp: true, remove: false },
      { personId: B, status: "ABSENT", response: undefined, askedForHelp: false, remove: true },
    ]);
  });

  it("puts attendance errors on the attendee's own row, and ignores rows being removed", () => {
    const result = ZEditCallIn.safeParse({
      ...base,
      occurredAt: `${new Date().getUTCFullYear() + 1}-06-10T17:00`,
      attendee: [A, B],
      [attendeeField.status(A)]: "ATTENDED",
      [attendeeField.status(B)]: "ATTENDED",
      [attendeeField.remove(B)]: "on",
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ [attendeeField.status(A)]: "notYetHeld" });
  });
});
