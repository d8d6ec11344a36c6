import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/request-meta";
import { appendPeer, peerAddress } from "../../scripts/lib/forwarded-for.mjs";

describe("the app's server appends the TCP peer to X-Forwarded-For, as a proxy does", () => {
  it("sets the peer when the request claimed nothing", () => {
    expect(appendPeer(undefined, "127.0.0.1")).toBe("127.0.0.1");
    expect(appendPeer("", "::1")).toBe("::1");
  });

  it("keeps what was claimed and puts the peer last", () => {
    expect(appendPeer("6.6.6.6", "127.0.0.1")).toBe("6.6.6.6, 127.0.0.1");
    expect(appendPeer(["6.6.6.6", "7.7.7.7"], "127.0.0.1")).toBe("6.6.6.6, 7.7.7.7, 127.0.0.1");
  });

  it("writes an IPv4 client of a dual-stack socket as IPv4, and an entry of its own without a peer", () => {
    expect(peerAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(peerAddress("::1")).toBe("::1");
    expect(appendPeer("6.6.6.6", undefined)).toBe("6.6.6.6, unknown");
  });

  it("so that with no trusted proxy a forged header is never the client's address", () => {
    for (const forged of [undefined, "6.6.6.6", "6.6.6.6, 7.7.7.7", "127.0.0.1, 6.6.6.6", " , ,6.6.6.6"]) {
      expect(clientAddress(appendPeer(forged, "::ffff:127.0.0.1"), 0), String(forged)).toBe("127.0.0.1");
    }
  });
});
