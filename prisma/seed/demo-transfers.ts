import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createFileTransfer } from "../factories";

/*
 * The demo's file transfer (issue 16): Malmö's social services have sent one person's file to
 * Örebro, under the person's consent, with the plan, the referrals and the support measures. It
 * waits under Örebro's "Inkommande akter" for Eva Lund (social@orebro) to run the duplicate check
 * and take it over; Malmö's file shows it as sent.
 */
export async function seedDemoTransfers(
  db: PrismaClient,
  {
    fromSiteId,
    toSiteId,
    personId,
    socialId,
  }: { fromSiteId: string; toSiteId: string; personId: string; socialId: string },
) {
  await createFileTransfer(db, {
    siteId: fromSiteId,
    toSiteId,
    personId,
    createdById: socialId,
    consentReference: "SOC 2020/1187",
    consentGivenOn: new Date(Date.UTC(2020, 10, 2)),
    carriesPlan: true,
    carriesReferrals: true,
    carriesSupportMeasures: true,
    createdAt: new Date(Date.UTC(2020, 10, 3, 9, 30)),
  });
}
