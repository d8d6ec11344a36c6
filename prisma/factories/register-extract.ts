import type { Prisma } from "@/lib/generated/prisma/client";
import { next, type Client } from "./client";

/**
 * A register extract request from the person themself, identified by e-identification, as
 * registered (status REGISTERED unless given: a decided one needs `decidedById` and `decidedAt`,
 * by someone other than the registrar — the four-eyes CHECK in the migration).
 */
export async function createRegisterExtractRequest(
  db: Client,
  data: Partial<Prisma.RegisterExtractRequestUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    registeredById: string;
  },
) {
  return db.registerExtractRequest.create({
    data: {
      requester: "DATA_SUBJECT",
      receivedOn: new Date(Date.UTC(2026, 10, 30)),
      identityCheck: "E_IDENTIFICATION",
      reference: `KS 2026/${String(next()).padStart(4, "0")}`,
      ...data,
    },
  });
}
