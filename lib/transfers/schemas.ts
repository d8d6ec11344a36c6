import { z } from "zod";
import { EVEN_WITH_FIELD_ERRORS, optionalId, pastDate, version } from "@/lib/validation/activity-fields";
import { checkbox, oneOf, optionalText, requiredText, uuid } from "@/lib/validation/fields";

/**
 * "Flytta akten till annan ort": the sending site's social services ask another site's social
 * services to take over the person's file, under the person's consent to the move (its document
 * reference and date). The profile always goes; the plan, the referrals and the support measures
 * as the consent covers (a support measure belongs to its referral: carrying one needs the other).
 */
export const ZRequestFileTransfer = z
  .object({
    personId: uuid,
    toSiteId: uuid,
    consentReference: requiredText(100),
    consentGivenOn: pastDate,
    carriesPlan: checkbox,
    carriesReferrals: checkbox,
    carriesSupportMeasures: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.carriesSupportMeasures && !v.carriesReferrals)
      ctx.addIssue({ code: "custom", path: ["carriesReferrals"], message: "measuresNeedReferrals" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TRequestFileTransfer = z.output<typeof ZRequestFileTransfer>;

/** The sending site withdraws a request not yet answered. */
export const ZCancelFileTransfer = z.object({ transferId: uuid, version });
export type TCancelFileTransfer = z.output<typeof ZCancelFileTransfer>;

/** The receiving site says no (optionally why: never the person's case). */
export const ZDeclineFileTransfer = z.object({ transferId: uuid, version, note: optionalText(500) });
export type TDeclineFileTransfer = z.output<typeof ZDeclineFileTransfer>;

export const ACCEPT_MODES = ["new", "link"] as const;

/**
 * The receiving site takes the file over, after its duplicate check: as a new person of the site,
 * or linked to a person it already has (one of the check's matches). A new person who has the same
 * name and birth date as someone registered needs the user's confirmation, as in "Ny person".
 */
export const ZAcceptFileTransfer = z
  .object({
    transferId: uuid,
    version,
    mode: oneOf(ACCEPT_MODES),
    linkPersonId: optionalId,
    confirmDuplicate: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.mode === "link" && !v.linkPersonId)
      ctx.addIssue({ code: "custom", path: ["linkPersonId"], message: "required" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TAcceptFileTransfer = z.output<typeof ZAcceptFileTransfer>;
