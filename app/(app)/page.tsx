import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { START_PAGE } from "@/lib/authz";

export default async function Home() {
  const actor = await requireActor();
  redirect(START_PAGE[actor.role]);
}
