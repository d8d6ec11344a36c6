import { z } from "zod";
import { GroupMemberInvolvement, IncidentType } from "@/lib/generated/prisma/enums";
import { EVEN_WITH_FIELD_ERRORS, headCount, identityNumberLines, ids, version } from "@/lib/validation/activity-fields";
import { ZPage } from "@/lib/pagination";
import { parseDateOnly } from "@/lib/validation/dates";
import { oneOf, optionalText, pastDateTime, plainString, requiredText, uuid } from "@/lib/validation/fields";
import { isUuid } from "@/lib/validation/ids";

export const INCIDENT_TYPES = Object.values(IncidentType) as [IncidentType, ...IncidentType[]];
export const GMI_VALUES = Object.values(GroupMemberInvolvement) as [
  GroupMemberInvolvement,
  ...GroupMemberInvolvement[],
];

/** A person already linked to the incident, as a kept checkbox: "<personId>:VICTIM|SUSPECT". */
const linkedPerson = plainString()
  .refine(
    (v) => {
      const [id, role] = v.split(":");
      return isUuid(id) && (role === "VICTIM" || role === "SUSPECT");
    },
    { error: "invalid" },
  )
  .transform((v) => {
    const [personId, role] = v.split(":") as [string, "VICTIM" | "SUSPECT"];
    return { personId, role };
  });

const incidentFields = {
  occurredAt: pastDateTime,
  type: oneOf(INCIDENT_TYPES),
  district: requiredText(100),
  place: optionalText(200),
  killed: headCount(100),
  injured: headCount(100),
  groupMemberInvolvement: oneOf(GMI_VALUES),
  description: optionalText(2000),
  suspectedGroupIds: ids(20),
  victimGroupIds: ids(20),
  /** Victims and suspects already linked, kept while their box stays ticked (edit only). */
  keepPeople: z.array(linkedPerson).max(100, { error: "tooMany" }).default([]),
  newVictims: identityNumberLines(30),
  newSuspects: identityNumberLines(30),
};

type IncidentInput = z.output<z.ZodObject<typeof incidentFields>>;

function incidentRules(v: IncidentInput, ctx: z.RefinementCtx) {
  if (
    Array.isArray(v.suspectedGroupIds) &&
    Array.isArray(v.victimGroupIds) &&
    v.suspectedGroupIds.some((id) => v.victimGroupIds.includes(id))
  )
    ctx.addIssue({ code: "custom", path: ["victimGroupIds"], message: "groupBothSides" });
}

/** Recording a shooting or other serious violence (the police). */
export const ZCreateIncident = z.object(incidentFields).superRefine(incidentRules, EVEN_WITH_FIELD_ERRORS);
export type TCreateIncident = z.output<typeof ZCreateIncident>;

export const ZEditIncident = z
  .object({ incidentId: uuid, version, ...incidentFields })
  .superRefine(incidentRules, EVEN_WITH_FIELD_ERRORS);
export type TEditIncident = z.output<typeof ZEditIncident>;

export const INCIDENT_ARRAYS = ["suspectedGroupIds", "victimGroupIds", "keepPeople"] as const;

const dateParam = plainString()
  .optional()
  .transform((v) => (v ? (parseDateOnly(v) ?? undefined) : undefined))
  .catch(undefined);

/** The incident list's filters, from the URL: bad values fall back, never an error page. */
export const ZFindIncidents = z.object({
  type: z.enum(INCIDENT_TYPES).optional().catch(undefined),
  gmi: z.enum(GMI_VALUES).optional().catch(undefined),
  district: plainString()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  from: dateParam,
  to: dateParam,
  page: ZPage,
});
export type TFindIncidents = z.output<typeof ZFindIncidents>;
