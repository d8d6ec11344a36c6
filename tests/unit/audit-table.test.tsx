import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it, vi } from "vitest";
import { AuditTable } from "@/components/audit/audit-table";
import { AUDIT_ENTITY_TYPES } from "@/lib/audit/entities";
import type { AuditRow } from "@/lib/audit-log/queries";
import { AuditAction, Role } from "@/lib/generated/prisma/enums";
import sv from "@/messages/sv";

// The catalogue as the request config gives it to a server component; nothing else is stood in.
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: "sv", messages: sv, namespace: namespace as never }),
}));

// Min aktivitet and the audit log show their events with this table: CallIn, EnforcementAction,
// Group and the like used to show there as code names.
it("names every audit entity, action, role and access reason in Swedish, never by its code", async () => {
  const actions = Object.values(AuditAction);
  const roles = Object.values(Role);
  const rows: AuditRow[] = AUDIT_ENTITY_TYPES.map((entityType, i) => ({
    id: String(i + 1),
    occurredAt: new Date(Date.UTC(2026, 11, 2, 8, i)),
    actor: { id: "u", name: "Anna Andersson", role: roles[i % roles.length]! },
    action: actions[i % actions.length]!,
    entityType,
    entityId: null,
    person: null,
    reason: i % 2 ? "COVERING_COLLEAGUE: semester" : "RISK_ASSESSMENT",
    metadata: null,
    ipAddress: null,
  }));
  const html = renderToStaticMarkup(await AuditTable({ rows, personHref: (id) => `/people/${id}`, showActor: true }));
  const cells = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").trim());
  const codes = new Set<string>([...AUDIT_ENTITY_TYPES, ...actions, ...roles, "COVERING_COLLEAGUE", "RISK_ASSESSMENT"]);
  const named = cells.filter((cell) => cell.split(/[\s:]+/).some((word) => codes.has(word)));
  expect(named).toEqual([]);
  expect(cells).toContain("Stormöte");
  expect(cells).toContain("Ersätter ansvarig samordnare: semester");
});
