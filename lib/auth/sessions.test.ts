import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/request-meta";
import { judgeSession } from "./sessions";

const limits = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };
const t0 = new Date("2026-11-25T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const session = (lastSeenMinutes = 0) => ({ createdAt: t0, lastSeenAt: at(lastSeenMinutes), expiresAt: at(12 * 60) });
const user = { isActive: true, sessionsValidAfter: at(-60) };

describe("whether a session still holds", () => {
  it("holds while used within the idle timeout, up to the absolute lifetime", () => {
    expect(judgeSession(session(), user, at(29), limits)).toBeNull();
    expect(judgeSession(session(11 * 60 + 50), user, at(11 * 60 + 59), limits)).toBeNull();
  });

  it("ends after 30 idle minutes", () => {
    expect(judgeSession(session(), user, at(30), limits)).toBe("idle");
    expect(judgeSession(session(100), user, at(131), limits)).toBe("idle");
  });

  it("ends at the absolute lifetime however active the user is", () => {
    expect(judgeSession(session(12 * 60 - 1), user, at(12 * 60), limits)).toBe("expired");
  });

  it("ends at once when the user is deactivated, or sessions were revoked after it began, or the row is gone", () => {
    expect(judgeSession(session(), { ...user, isActive: false }, at(1), limits)).toBe("revoked");
    expect(judgeSession(session(), { ...user, sessionsValidAfter: at(1) }, at(2), limits)).toBe("revoked");
    expect(judgeSession(null, user, at(1), limits)).toBe("revoked");
    expect(judgeSession(session(), null, at(1), limits)).toBe("revoked");
  });
});

describe("the client's address", () => {
  it("is taken from the right of X-Forwarded-For, past the trusted proxies, not from what the client claims", () => {
    expect(clientAddress("203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientAddress(null, 1)).toBeUndefined();
    expect(clientAddress("x".repeat(100), 1)).toBeUndefined();
  });
});
