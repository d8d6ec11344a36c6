import { expect, it } from "vitest";
import { AUDIT_ENTITY_TYPES } from "@/lib/audit/entities";
import { AuditAction } from "@/lib/generated/prisma/enums";
import en from "@/messages/en";
import sv from "@/messages/sv";

// Every value an audit event can carry is shown by its name in both languages, never as a code.
const catalogues = { sv, en } as unknown as Record<
  string,
  { auditEntities: Record<string, string>; auditActions: Record<string, string> }
>;

it("has a label for every audit entity and every audit action in both catalogues", () => {
  for (const [locale, messages] of Object.entries(catalogues)) {
    expect(
      AUDIT_ENTITY_TYPES.filter((e) => !messages.auditEntities[e]),
      `${locale} entities`,
    ).toEqual([]);
    expect(
      Object.values(AuditAction).filter((a) => !messages.auditActions[a]),
      `${locale} actions`,
    ).toEqual([]);
  }
});

it("lists each entity once, and labels nothing that is not an entity", () => {
  expect(new Set(AUDIT_ENTITY_TYPES).size).toBe(AUDIT_ENTITY_TYPES.length);
  expect(
    Object.keys(catalogues.sv!.auditEntities).filter((k) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(k)),
  ).toEqual([]);
});
