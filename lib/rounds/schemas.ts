import { z } from "zod";
import {
  EVEN_WITH_FIELD_ERRORS,
  identityNumberLines,
  ids,
  isDate,
  plannedDate,
} from "@/lib/validation/activity-fields";
import { requiredText, uuid } from "@/lib/validation/fields";

/** The most people one round sets out to visit: a round, not the register. */
export const MAX_ROUND_PEOPLE = 300;

/** Whom a round (or an addition to it) sets out to visit: group members, people by choice or number. */
const peopleFields = {
  /** Every current member of these groups who can be visited. */
  groupIds: ids(20),
  /** People chosen from the actor's caseload. */
  personIds: ids(MAX_ROUND_PEOPLE),
  /** People by personnummer, one a line. */
  personNumbers: identityNumberLines(MAX_ROUND_PEOPLE),
};

/** A coordinator's new round: a name, its period, and the people to visit. */
export const ZCreateRound = z
  .object({
    name: requiredText(100),
    startsOn: plannedDate,
    endsOn: plannedDate,
    ...peopleFields,
  })
  .superRefine((v, ctx) => {
    if (isDate(v.startsOn) && isDate(v.endsOn) && v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endBeforeStart" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TCreateRound = z.output<typeof ZCreateRound>;

/** More people for a round already made. */
export const ZAddRoundPeople = z.object({ roundId: uuid, ...peopleFields });
export type TAddRoundPeople = z.output<typeof ZAddRoundPeople>;

/** The fields the round forms repeat (checkbox groups). */
export const ROUND_ARRAYS = ["groupIds", "personIds"] as const;
