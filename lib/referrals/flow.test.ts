import { describe, expect, it } from "vitest";
import { ReferralStatus } from "@/lib/generated/prisma/enums";
import { canMove, CLOSED_STATUSES, isClosed, NEXT_STATUSES, OPEN_STATUSES } from "./flow";

const ALL = Object.values(ReferralStatus);

describe("the referral flow", () => {
  it("walks the programme step by step", () => {
    expect(canMove("REFERRED", "CONTACTED")).toBe(true);
    expect(canMove("CONTACTED", "ASSESSED")).toBe(true);
    expect(canMove("ASSESSED", "IN_PROGRAMME")).toBe(true);
    expect(canMove("IN_PROGRAMME", "COMPLETED")).toBe(true);
  });

  it("never skips a step, goes back, or stays put", () => {
    expect(canMove("REFERRED", "ASSESSED")).toBe(false);
    expect(canMove("REFERRED", "IN_PROGRAMME")).toBe(false);
    expect(canMove("REFERRED", "COMPLETED")).toBe(false);
    expect(canMove("ASSESSED", "CONTACTED")).toBe(false);
    for (const s of ALL) expect(canMove(s, s), s).toBe(false);
  });

  it("lets a person decline until they are in the programme, and discontinue at any open step", () => {
    for (const s of OPEN_STATUSES) expect(canMove(s, "DISCONTINUED"), s).toBe(true);
    expect(canMove("ASSESSED", "DECLINED")).toBe(true);
    expect(canMove("IN_PROGRAMME", "DECLINED")).toBe(false);
  });

  it("keeps a closed referral closed", () => {
    for (const s of CLOSED_STATUSES) {
      expect(isClosed(s)).toBe(true);
      expect(NEXT_STATUSES[s]).toEqual([]);
    }
    for (const s of OPEN_STATUSES) expect(isClosed(s)).toBe(false);
  });

  it("covers every status exactly once, open or closed", () => {
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...ALL].sort());
  });
});
