import { z } from "zod";
import { oneOf, optionalText, plainString, uuid } from "@/lib/validation/fields";
import { ACCESS_REASON_CODES } from "./reasons";

/** A personnummer-like run of digits: the reason lands in the audit log, which holds no identities. */
const LOOKS_LIKE_IDENTITY_NUMBER = /\d{6}/;

/** Giving the reason for opening a file outside one's caseload: one schema for form and action. */
export const ZGrantPersonAccess = z
  .object({
    personId: uuid,
    reasonCode: oneOf(ACCESS_REASON_CODES),
    reasonText: optionalText(300),
    next: plainString().max(300).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reasonCode === "OTHER" && !v.reasonText)
      ctx.addIssue({ code: "custom", path: ["reasonText"], message: "reasonTextRequired" });
    if (v.reasonText && LOOKS_LIKE_IDENTITY_NUMBER.test(v.reasonText))
      ctx.addIssue({ code: "custom", path: ["reasonText"], message: "noIdentityNumbers" });
  });

export type TGrantPersonAccess = z.output<typeof ZGrantPersonAccess>;
