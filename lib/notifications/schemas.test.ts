import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { LOG_NOTIFICATION_ARRAYS, ZLogNotification } from "./schemas";

const base = {
  personId: "0193a1b2-0000-7000-8000-000000000001",
  occurredAt: "2026-11-20T09:15",
  placeType: "HOME",
  agencies: ["POLICE", "POLICE", "SOCIAL"],
  participantIds: [],
  outcome: "DELIVERED",
  response: "NEUTRAL",
};

describe("ZLogNotification", () => {
  it("parses a minimal valid form and drops duplicate agencies", () => {
    const parsed = ZLogNotification.parse(base);
    expect(parsed.agencies).toEqual(["POLICE", "SOCIAL"]);
    expect(parsed.askedForHelpOnSite).toBe(false);
    expect(parsed.nextStep).toBeUndefined();
  });

  it("treats blank optional text as absent and trims", () => {
    const parsed = ZLogNotification.parse({ ...base, nextStep: "   ", placeDescription: "  Frivården Väst " });
    expect(parsed.nextStep).toBeUndefined();
    expect(parsed.placeDescription).toBe("Frivården Väst");
  });

  it("answers with message keys per field", () => {
    const result = ZLogNotification.safeParse({ ...base, outcome: "MAYBE", occurredAt: "", agencies: [] });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrorsOf(result.error)).toEqual({
        outcome: "required",
        occurredAt: "required",
        agencies: "chooseAgency",
      });
  });
});

describe("formDataToObject", () => {
  it("keeps array fields as arrays, even when empty, and ignores React's own fields", () => {
    const fd = new FormData();
    fd.append("agencies", "POLICE");
    fd.append("agencies", "SOCIAL");
    fd.append("outcome", "DELIVERED");
    fd.append("$ACTION_ID_abc", "");
    expect(formDataToObject(fd, LOG_NOTIFICATION_ARRAYS)).toEqual({
      agencies: ["POLICE", "SOCIAL"],
      participantIds: [],
      outcome: "DELIVERED",
    });
  });
});
