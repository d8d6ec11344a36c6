import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createLogger, stripValues } from "./logger";

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
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "signed in",
      requestId: "req-12345678",
      userId: "0193a1b2-0000-7000-8000-000000000001",
      app: "samverkan",
    });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("redacts fields that must never be logged, at the top level and one down", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hemligt",
        identityNumber: "199801012384",
        body: "anteckning",
        input: { note: "text", email: "a@b.se", totpSecret: "JBSW" },
      },
      "x",
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ["hemligt", "199801012384", "anteckning", '"text"', "a@b.se", "JBSW"])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: "[redacted]", input: { note: "[redacted]" } });
  });

  it("masks anything shaped like a personnummer wherever it appears, the message included", () => {
    const { logger, lines } = capture();
    logger.warn(
      { query: "sök 19811218-9876 och 811218-9876", nested: { deep: ["8112189876"] } },
      "uppslag på 198112189876 misslyckades",
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/9876/);
    expect(lines[0]).toMatchObject({
      msg: "uppslag på [personnummer] misslyckades",
      nested: { deep: ["[personnummer]"] },
    });
  });

  it("logs errors with type, code and stack, but not the driver's detail that quotes the row", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      detail: "Key (email)=(jonas@polisen.se) already exists.",
    });
    logger.error({ err: error }, "save failed");
    const err = lines[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({
      type: "Error",
      code: "23505",
      message: "duplicate key value violates unique constraint",
    });
    expect(String(err.stack)).toContain("logger.test.ts");
    expect(JSON.stringify(lines[0])).not.toContain("jonas@polisen.se");
  });
});

describe("database errors in the log", () => {
  const NOTE = "Träffade Kalle vid busshållplatsen, han sa att han vill ut";
  const PNR = "19900101-1234";

  it("keep the class, the code and the message's words, never the arguments Prisma repeats", () => {
    const { logger, lines } = capture();
    // What Prisma prints for a bad argument when errorFormat is not "minimal" (e.g. a script's own client).
    const validation = new Prisma.PrismaClientValidationError(
      `\nInvalid \`prisma.internalNote.create()\` invocation:\n\n{\n  data: {\n    body: "${NOTE} (${PNR})",\n    agency: "SOCIAL",\n    person: { connect: { identityNumber: '${PNR.replace("-", "")}' } },\n+   site: {\n+     connect: SiteWhereUniqueInput\n+   }\n  }\n}\n\nArgument \`site\` is missing.`,
      { clientVersion: "6.19.3" },
    );
    const known = new Prisma.PrismaClientKnownRequestError(
      `\nInvalid \`prisma.person.create()\` invocation:\n\n\nError occurred during query execution:\nConnectorError(ConnectorError { kind: QueryError(PostgresError { message: "value too long: \\"${NOTE}\\"", detail: Some("Failing row contains (${PNR}, ${NOTE}).") }) })`,
      {
        code: "P2010",
        clientVersion: "6.19.3",
        meta: { target: ["identityNumber"], detail: `Key (identityNumber)=(${PNR}) already exists.` },
      },
    );
    logger.error({ err: validation }, "save failed");
    logger.error({ err: new Error("form action failed", { cause: known }) }, "save failed");
    const text = JSON.stringify(lines);
    for (const secret of [NOTE, "Träffade", "busshållplatsen", PNR, "1234", "Failing row"])
      expect(text).not.toContain(secret);

    const first = lines[0]!.err as Record<string, unknown>;
    expect(first).toMatchObject({ type: "PrismaClientValidationError" });
    expect(first.message).toContain("Invalid `prisma.internalNote.create()` invocation");
    expect(first.message).toContain("Argument `site` is missing.");
    expect(String(first.stack)).toMatch(/^PrismaClientValidationError: Invalid `prisma/);
    expect(String(first.stack)).toContain("logger.test.ts");
    const cause = (lines[1]!.err as { cause: Record<string, unknown> }).cause;
    expect(cause).toMatchObject({ type: "PrismaClientKnownRequestError", code: "P2010" });
    expect(cause.message).toContain("Error occurred during query execution");
  });

  it("drop the values PostgreSQL quotes, even inside Prisma's backticks, and keep names", () => {
    expect(
      stripValues(
        'Raw query failed. Code: `22P02`. Message: `invalid input syntax for type uuid: "hemlig anteckning"`',
      ),
    ).toBe("Raw query failed. Code: `22P02`. Message: [value]");
    expect(stripValues("Unique constraint failed on the fields: (`identityNumber`)")).toBe(
      "Unique constraint failed on the fields: (`identityNumber`)",
    );
    expect(stripValues("Can't reach database server at `localhost:5432`")).toBe(
      "Can't reach database server at [value]",
    );
    expect(stripValues(`note 'it\\'s ${NOTE}' and "unterminated ${NOTE}`)).toBe("note [value] and [value]");
    expect(stripValues("x".repeat(2000))).toHaveLength(501);
  });

  it("leave other errors' messages as they were (masking and redaction still apply)", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('lookup of "Kalle" failed') }, "x");
    expect((lines[0]!.err as Record<string, unknown>).message).toBe('lookup of "Kalle" failed');
  });
});
