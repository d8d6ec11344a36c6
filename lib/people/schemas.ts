import { z } from "zod";
import { PersonStatus } from "@/lib/generated/prisma/enums";
import { ZPage } from "@/lib/pagination";
import { stockholmToday } from "@/lib/validation/dates";
import {
  checkbox,
  dateOnly,
  identityNumber,
  oneOf,
  requiredText,
  plainString,
  uuid,
  searchText,
  version,
} from "@/lib/validation/fields";
import { isUuid } from "@/lib/validation/ids";

export const STATUSES = Object.values(PersonStatus) as [PersonStatus, ...PersonStatus[]];

/** A filter value from the URL: anything unexpected is simply no filter (never an error page). */
const urlUuid = z
  .string()
  .transform((v) => (isUuid(v) ? v : undefined))
  .optional()
  .catch(undefined);

export const ZFindPeople = z.object({
  q: searchText(100),
  group: urlUuid,
  status: z.enum(STATUSES).optional().catch(undefined),
  coordinator: urlUuid,
  /** "yes": the programme's message has been delivered (custom notification or call-in); "no": not yet. */
  notified: z.enum(["yes", "no"]).optional().catch(undefined),
  page: ZPage,
});
export type TFindPeople = z.infer<typeof ZFindPeople>;

const MAX_ALIASES = 10;

/** "Lillen, Snabben" (commas or new lines): trimmed, blanks and duplicates dropped. */
const aliases = plainString()
  .optional()
  .transform((v) => [
    ...new Set(
      (v ?? "")
        .split(/[,\n]/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ])
  .refine((list) => list.length <= MAX_ALIASES, { error: "tooManyAliases" })
  .refine((list) => list.every((a) => a.length <= 50), { error: "tooLong" });

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A birth date: a real date, not in the future. */
const birthDate = z.preprocess(
  blankToUndefined,
  dateOnly
    .refine((d) => d.toISOString().slice(0, 10) <= stockholmToday(), { error: "futureDate" })
    .refine((d) => d.getUTCFullYear() >= 1900, { error: "tooEarly" })
    .optional(),
);

const personFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  identityNumber: z.preprocess(blankToUndefined, identityNumber.optional()),
  birthDate,
  aliases,
  status: oneOf(STATUSES),
  /** Set when the user has seen the "same name and birth date" warning and saves anyway. */
  confirmDuplicate: checkbox,
};

/** A personnummer's date and a typed birth date must agree. */
function birthDateAgrees(v: { identityNumber?: { birthDate: string }; birthDate?: Date }, ctx: z.RefinementCtx) {
  if (v.identityNumber && v.birthDate && v.identityNumber.birthDate !== v.birthDate.toISOString().slice(0, 10)) {
    ctx.addIssue({ code: "custom", path: ["birthDate"], message: "birthDateMismatch" });
  }
}

export const ZCreatePerson = z
  .object({
    ...personFields,
    /** Make the creator this person's coordinator for their agency. */
    assignToMe: checkbox,
  })
  .superRefine(birthDateAgrees);
export type TCreatePerson = z.output<typeof ZCreatePerson>;

export const ZUpdatePerson = z
  .object({
    ...personFields,
    personId: uuid,
    version,
  })
  .superRefine(birthDateAgrees);
export type TUpdatePerson = z.output<typeof ZUpdatePerson>;

/**
 * Protecting a person's identity, or ending the protection (social services; lib/people/protection.ts).
 * `version` is the person's, as the user saw it.
 */
export const ZSetIdentityProtection = z.object({
  personId: uuid,
  version,
  protect: z.enum(["yes", "no"], { error: "required" }),
});
export type TSetIdentityProtection = z.output<typeof ZSetIdentityProtection>;

/** The personnummer reveal button's argument: a person id, whatever a client sends instead. */
export const ZRevealIdentityNumber = z.object({ personId: uuid });
