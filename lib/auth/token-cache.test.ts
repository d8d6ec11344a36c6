import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./token-cache";

const secret = "a test secret that is long enough for HKDF";
const salt = "authjs.session-token";

describe("the session cookie's payload, decrypted once per value", () => {
  it("gives what Auth.js's decode gives, every time, and a copy each time", async () => {
    const token = await encode({ token: { uid: "u1", sid: "s1" }, secret, salt, maxAge: 3600 });
    const first = await decodeSessionToken({ token, secret, salt });
    expect(first).toMatchObject({ uid: "u1", sid: "s1" });
    first!.sid = "changed by a caller";
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ uid: "u1", sid: "s1" });
  });

  it("refuses a token for another cookie name, another secret, or none", async () => {
    const token = await encode({ token: { sid: "s2" }, secret, salt, maxAge: 3600 });
    await decodeSessionToken({ token, secret, salt });
    await expect(decodeSessionToken({ token, secret, salt: "other" })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret: "another secret of some length", salt })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret, salt })).toBeNull();
  });

  it("never answers from memory for an expired token", async () => {
    const token = await encode({ token: { sid: "s3" }, secret, salt, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });
});
