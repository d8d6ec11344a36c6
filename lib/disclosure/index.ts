import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DisclosedEntityType } from "@/lib/audit/entities";
import type { Agency, ConsentInfoKind, DisclosureBasis } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { coveringConsentWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/*
 * Utlämnande (docs/confidentiality.md): whenever one agency's information is shown to another, a Disclosure row
 * says what, to whom, and on which legal basis — in practice the person's consent, with the id of
 * the consent that covered it. The hash-chained audit log gets a DISCLOSE event per person too, so
 * the disclosure history cannot be rewritten unnoticed.
 *
 * How a query function uses it (docs/decisions/005, "Disclosure"):
 *  1. filter with the lib/authz builder as always (referralWhere, followUpWhere, …): a record that
 *     consent does not cover is simply not there;
 *  2. in the same query, select the covering consent's id with `coveringConsentSelect(owner, kind,
 *     viewer)` on the person, so the basis recorded is the one the data was read under;
 *  3. before returning, `await recordDisclosures(actor, items)` for every record of another agency
 *     that is returned (own-agency items are ignored, so passing all of them is fine);
 *  4. if it throws (a consent withdrawn between the read and the record), return nothing: the page
 *     answers not found, as it would a moment later.
 * recordDisclosures checks the coverage itself, in its own transaction: a consent id that a caller
 * passes is used only if that consent still covers the kind of information, from the holding
 * agency to the viewer, confirmed by the holding agency — otherwise it throws, and nothing is shown.
 */

export type DisclosureItem = {
  personId: string;
  /** The agency whose information is shown. */
  fromAgency: Agency;
  /** Which kind of its information: what the consent must cover (lib/authz/consent-coverage.ts). */
  kind: ConsentInfoKind;
  /** Prisma model name of what is shown (Referral, SupportMeasure, FollowUp, …). */
  entityType: DisclosedEntityType;
  entityId?: string;
  /** The consent the showing query matched; looked up (still covering, newest) when absent. */
  consentId?: string;
};

/** A secrecy-breaking rule instead of consent (OSL 10 kap.), with the case's own justification. */
export type StatutoryBasis = { legalBasis: Exclude<DisclosureBasis, "CONSENT">; detail: string };

/** For the person's `select`: the id of the consent that lets `viewer` see `kind` of `owner`'s information. */
export function coveringConsentSelect(owner: Agency, kind: ConsentInfoKind, viewer: Agency, now = new Date()) {
  return {
    consents: {
      where: coveringConsentWhere(owner, kind, viewer, now),
      orderBy: [{ givenOn: "desc" }, { id: "desc" }],
      take: 1,
      select: { id: true },
    },
  } satisfies Prisma.PersonSelect;
}

/**
 * Records the disclosure of other agencies' information to the actor's agency: one Disclosure row
 * per record, one DISCLOSE audit event per person, in one transaction (or the caller's `tx`).
 * Returns the number of rows written. Throws NotFoundError when the actor has no agency, or when a
 * record's consent no longer covers it.
 */
export async function recordDisclosures(
  actor: Actor,
  items: DisclosureItem[],
  opts: { tx?: Tx; basis?: StatutoryBasis; now?: Date } = {},
): Promise<number> {
  const toAgency = actor.agency;
  if (!toAgency) throw new NotFoundError("disclosure");
  const seen = new Set<string>();
  const foreign = items.filter((item) => {
    const key = `${item.personId}|${item.fromAgency}|${item.kind}|${item.entityType}|${item.entityId ?? ""}`;
    if (item.fromAgency === toAgency || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (foreign.length === 0) return 0;

  const write = async (tx: Tx) => {
    const now = opts.now ?? new Date();
    const consentIds = opts.basis ? new Map<string, string>() : await consentsFor(tx, actor, toAgency, foreign, now);
    const rows = foreign.map((item) => ({
      siteId: actor.siteId,
      personId: item.personId,
      fromAgency: item.fromAgency,
      toAgency,
      legalBasis: opts.basis?.legalBasis ?? ("CONSENT" as const),
      legalBasisDetail: opts.basis?.detail ?? null,
      consentId: opts.basis ? null : consentIds.get(consentKey(item))!,
      entityType: item.entityType,
      entityId: item.entityId ?? null,
      disclosedAt: now,
      actorId: actor.id,
    }));
    await tx.disclosure.createMany({ data: rows });
    const byPerson = groupBy(rows, (r) => r.personId);
    for (const [personId, personRows] of byPerson) {
      const kinds = groupBy(personRows, (r) => `${r.fromAgency}|${r.entityType}`);
      await recordAudit(tx, actor, {
        action: "DISCLOSE",
        entityType: "Disclosure",
        personId,
        metadata: {
          toAgency,
          legalBasis: personRows[0]!.legalBasis,
          consentIds: [...new Set(personRows.map((r) => r.consentId).filter((id): id is string => id !== null))],
          shown: [...kinds].map(([key, group]) => {
            const [fromAgency, entityType] = key.split("|");
            return {
              fromAgency: fromAgency!,
              entityType: entityType!,
              entityIds: group.map((r) => r.entityId).filter((id): id is string => id !== null),
            };
          }),
        },
      });
    }
    return rows.length;
  };
  return opts.tx ? write(opts.tx) : db.$transaction(write);
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K extends string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const consentKey = (item: Pick<DisclosureItem, "personId" | "fromAgency" | "kind" | "consentId">) =>
  `${item.personId}|${item.fromAgency}|${item.kind}|${item.consentId ?? ""}`;

/**
 * The consent each item is shown under, checked now: the one the showing query matched when it
 * still covers the item, else the newest that does (the read and this check are moments apart). Fail closed: an item no consent covers (a
 * withdrawal in between, a consent its holding agency never confirmed) throws, so nothing is shown.
 */
async function consentsFor(
  tx: Tx,
  actor: Actor,
  toAgency: Agency,
  items: DisclosureItem[],
  now: Date,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const group of groupBy(items, (i) => `${i.fromAgency}|${i.kind}`).values()) {
    const { fromAgency, kind } = group[0]!;
    const personIds = [...new Set(group.map((i) => i.personId))];
    const consents = await tx.consent.findMany({
      where: {
        siteId: actor.siteId,
        personId: { in: personIds },
        ...coveringConsentWhere(fromAgency, kind, toAgency, now),
      },
      orderBy: [{ givenOn: "desc" }, { id: "desc" }],
      select: { id: true, personId: true },
    });
    for (const item of group) {
      const covering = consents.filter((c) => c.personId === item.personId);
      const chosen = covering.find((c) => c.id === item.consentId) ?? covering[0];
      if (!chosen) throw new NotFoundError("consent");
      out.set(consentKey(item), chosen.id);
    }
  }
  return out;
}
