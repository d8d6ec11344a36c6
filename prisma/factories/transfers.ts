import type { Prisma } from "@/lib/generated/prisma/client";
import { next, type Client } from "./client";

/**
 * A request to move a person's file from `siteId` to `toSiteId` (issue 16), as sent by the sending
 * site's social services: REQUESTED, carrying the profile only unless told otherwise.
 */
export async function createFileTransfer(
  db: Client,
  data: Partial<Prisma.FileTransferUncheckedCreateInput> & {
    siteId: string;
    toSiteId: string;
    personId: string;
    createdById: string;
  },
) {
  return db.fileTransfer.create({
    data: {
      consentReference: `SOC 2026/${String(next()).padStart(4, "0")}`,
      consentGivenOn: new Date(Date.UTC(2026, 10, 25)),
      ...data,
    },
  });
}
