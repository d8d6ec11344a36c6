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
  // As scripts/serve.ts passes the header on: the TCP peer is always the last entry.
  it("with no trusted proxy (0 hops) is the peer itself, whatever the client claimed", () => {
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("6.6.6.6, 127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("6.6.6.6, 7.7.7.7, 203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("behind one proxy (1 hop) is what the proxy appended, not what the client wrote further left", () => {
    // client 203.0.113.9 forged "6.6.6.6"; the proxy 10.0.0.2 appended the client; the server the proxy.
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("behind two proxies (2 hops) is what the outer one appended", () => {
    expect(clientAddress("6.6.6.6, 1.2.3.4, 203.0.113.9, 10.0.0.3, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("is the leftmost entry when fewer proxies appended than configured, and nothing when there is none", () => {
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientAddress(null, 0)).toBeUndefined();
    expect(clientAddress("", 1)).toBeUndefined();
    expect(clientAddress("x".repeat(100), 0)).toBeUndefined();
  });
});
