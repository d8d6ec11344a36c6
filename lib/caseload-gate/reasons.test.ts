import { describe, expect, it } from "vitest";
import { formatAccessReason, parseAccessReason, safeAccessNext } from "./reasons";

const id = "0193a1b2-0000-7000-8000-000000000001";

describe("access reasons", () => {
  it("round-trips code and text through the audit log's reason column", () => {
    expect(formatAccessReason("PLANNED_CONTACT")).toBe("PLANNED_CONTACT");
    expect(parseAccessReason(formatAccessReason("OTHER", "Samordning: möte"))).toEqual({
      code: "OTHER",
      text: "Samordning: möte",
    });
    expect(parseAccessReason("PLANNED_CONTACT")).toEqual({ code: "PLANNED_CONTACT", text: "" });
  });

  it("keeps an unknown reason as plain text", () => {
    expect(parseAccessReason("Fritext utan kod")).toEqual({ code: null, text: "Fritext utan kod" });
    expect(parseAccessReason("HACKED: x")).toEqual({ code: null, text: "HACKED: x" });
  });
});

describe("where the access form may send the user on", () => {
  it("allows pages of the same person's file", () => {
    expect(safeAccessNext(id, `/people/${id}`)).toBe(`/people/${id}`);
    expect(safeAccessNext(id, `/people/${id}/consent`)).toBe(`/people/${id}/consent`);
    expect(safeAccessNext(id, `/people/${id}?saved=notification`)).toBe(`/people/${id}?saved=notification`);
  });

  it.each([
    `/referrals/${id}`,
    `/referrals/${id}/measures/new`,
    `/follow-ups/new?personId=${id}`,
    `/notifications/${id}/edit`,
    `/enforcement/new?personId=${id}&groupId=`,
  ])("allows the gated page about one person's records %s", (next) => {
    expect(safeAccessNext(id, next)).toBe(next);
  });

  it.each([
    ["another site", "https://evil.example/"],
    ["another site behind a gated prefix", "/referrals/x//evil.example"],
    ["an area that is not gated", "/admin/users"],
    ["an area that is not gated, behind a gated prefix and ..", "/referrals/../admin/users"],
    ["another person's file, by ..", `/people/${id}/../0193a1b2-0000-7000-8000-000000000002`],
    ["a gated prefix with odd characters", "/follow-ups/<script>"],
    ["a protocol-relative URL", "//evil.example"],
    ["another person", "/people/0193a1b2-0000-7000-8000-000000000002"],
    ["a longer id with the same prefix", `/people/${id}0`],
    ["a double slash inside", `/people/${id}//evil.example`],
    ["a backslash", `/people/${id}/\\evil.example`],
    ["not a string", ["/people"]],
  ])("falls back to the file for %s", (_label, next) => {
    expect(safeAccessNext(id, next)).toBe(`/people/${id}`);
  });
});
