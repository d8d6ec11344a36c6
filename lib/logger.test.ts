import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream, "info"), lines };
}

describe("the server log", () => {
  it("writes one JSON object per line, with level, time, message and the fields given", () => {
    const { logger, lines } = capture();
    logger.child({ requestId: "req-12345678" }).info({ userId: "0193a1b2-0000-7000-8000-000000000001" }, "signed in");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: "signed in", requestId: "req-12345678", userId: "0193a1b2-0000-7000-8000-000000000001", app: "samverkan" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("redacts fields that must never be logged, at the top level and one down", () => {
    const { logger, lines } = capture();
    logger.info({ password: "hemligt", identityNumber: "199801012384", body: "anteckning", input: { note: "text", email: "a@b.se", totpSecret: "JBSW" } }, "x");
    const line = JSON.stringify(lines[0]);
    for (const secret of ["hemligt", "199801012384", "anteckning", '"text"', "a@b.se", "JBSW"]) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: "[redacted]", input: { note: "[redacted]" } });
  });

  it("masks anything shaped like a personnummer wherever it appears, the message included", () => {
    const { logger, lines } = capture();
    logger.warn({ query: "sök 19811218-9876 och 811218-9876", nested: { deep: ["8112189876"] } }, "uppslag på 198112189876 misslyckades");
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/9876/);
    expect(lines[0]).toMatchObject({ msg: "uppslag på [personnummer] misslyckades", nested: { deep: ["[personnummer]"] } });
  });

  it("logs errors with type, code and stack, but not the driver's detail that quotes the row", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", detail: "Key (email)=(jonas@polisen.se) already exists." });
    logger.error({ err: error }, "save failed");
    const err = lines[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ type: "Error", code: "23505", message: "duplicate key value violates unique constraint" });
    expect(String(err.stack)).toContain("logger.test.ts");
    expect(JSON.stringify(lines[0])).not.toContain("jonas@polisen.se");
  });
});
