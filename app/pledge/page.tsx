import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { START_PAGE } from "@/lib/authz";
import { currentPledge } from "@/lib/pledge/queries";
import { isDemoData } from "@/lib/settings";
import { PledgeGate } from "@/components/vetting/pledge-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pledge"))("title") };
}

/** Outside the app's layout, which sends everyone who has not accepted the pledge here. */
export default async function PledgePage() {
  const actor = await requireActor({ beforePledge: true });
  const [pledge, demo] = await Promise.all([currentPledge({ actor }), isDemoData()]);
  if (pledge.accepted) redirect(START_PAGE[actor.role]);
  return <PledgeGate actor={actor} pledge={pledge} demo={demo} />;
}
