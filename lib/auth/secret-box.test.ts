import { describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";

const KEY = "k".repeat(40);

describe("secret box", () => {
  it("opens what it sealed, and every seal differs (random IV)", () => {
    const a = seal(KEY, "totp-secret", "JBSWY3DPEHPK3PXP");
    const b = seal(KEY, "totp-secret", "JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(KEY, "totp-secret", a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another key, another purpose, a changed byte and garbage", () => {
    const sealed = seal(KEY, "sign-in-ticket", '{"uid":"x"}');
    expect(open("other-key-".repeat(4), "sign-in-ticket", sealed)).toBeNull();
    expect(open(KEY, "totp-secret", sealed)).toBeNull();
    const [v, iv, body, tag] = sealed.split(".");
    // The first character carries six bits of data (the last one may hold only padding bits).
    const flipped = (body!.startsWith("A") ? "B" : "A") + body!.slice(1);
    expect(open(KEY, "sign-in-ticket", [v, iv, flipped, tag].join("."))).toBeNull();
    for (const junk of ["", "v1", "v1...", "v2.a.b.c", `${sealed}.extra`])
      expect(open(KEY, "sign-in-ticket", junk)).toBeNull();
  });
});
