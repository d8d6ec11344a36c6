import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { acceptCurrentPledge, createPledge, createRoleNeedsNote } from "../factories";

/*
 * The demo's vetted access (issue 14): each site's pledge (the default text, version 1) accepted
 * by every demo account, so the journeys start at their pages, not at the pledge; the end-to-end
 * tests see the gate by publishing a new version on a site of their own, or with an account of
 * their own that has not accepted. Malmö's needs-and-risk notes, one per role, written by the
 * administrator. Access reviews are left to the demo's users: every account was granted at the
 * seed's time, so none is due for a year.
 */

const NEEDS: Record<Role, string> = {
  POLICE: `Polisens samordnare och handläggare planerar och genomför individuella samtal och stormöten, kartlägger grupperingarna och riktar polisiära åtgärder mot dem som fortsätter med våld. De behöver personakter, grupperingar och den gemensamma aktiviteten för hela orten.

Risker: uppgifter om tillhörighet är underrättelser, inte fakta; de visas med säkerhetsgrad och granskas. Socialtjänstens och frivårdens uppgifter visas bara med samtycke som den myndigheten har bekräftat, och bara status för insatser.`,
  SOCIAL: `Socialsekreterarna i avhopparverksamheten tar emot anvisningar, bedömer och genomför insatser och stödinsatser, och följer upp. De behöver personakten och de egna insatserna; frivårdens uppföljningar bara med samtycke.

Risker: skyddad ort efter flytt visas bara för den som handlägger personen; Polisens åtgärder visas bara som uppgift om frihetsberövande.`,
  PROBATION: `Frivårdens handläggare framför budskapet vid övervakningsmöten och följer upp sina klienter. De behöver personakten, den gemensamma aktiviteten och sina egna uppföljningar; socialtjänstens uppgifter bara som status och med samtycke.`,
  MANAGER: `Programledningen följer programmets resultat och belastning. Den behöver bara sammanräknade uppgifter, små tal undertryckta, och våldshändelser – aldrig enskilda akter. Den beslutar om registerutdrag (fyra ögon) och omprövar behörigheter.`,
  ADMIN: `Systemadministrationen hanterar konton, loggen, gallring och registerutdrag. Den behöver inget ärendeinnehåll; registerutdrag och gallringsöversyn loggas och kräver ett registrerat ärende.`,
  NATIONAL: `Sluta skjuts nationella samordnare jämför orternas resultat och stöder uppstarten på nya orter. De behöver bara de sammanräknade siffrorna per ort och totalt, i intervall om fem – aldrig en person, en orts akter, loggen eller kontoadministrationen.

Risker: en total bredvid orternas siffror får inte avslöja ett litet tal på en ort; totalen visas därför bara som summan av orternas intervall (beslut 015).`,
};

export async function seedDemoVetting(db: PrismaClient, { adminId }: { adminId: string }): Promise<void> {
  for (const site of await db.site.findMany({ select: { id: true }, orderBy: { code: "asc" } })) {
    await createPledge(db, { siteId: site.id });
    const users = await db.user.findMany({
      where: { siteId: site.id },
      select: { id: true },
      orderBy: { email: "asc" },
    });
    await acceptCurrentPledge(db, { siteId: site.id, userIds: users.map((u) => u.id) });
  }
  const malmo = await db.site.findUniqueOrThrow({ where: { code: "malmo" }, select: { id: true } });
  for (const [role, text] of Object.entries(NEEDS) as [Role, string][])
    await createRoleNeedsNote(db, { siteId: malmo.id, role, text, writtenById: adminId });
}
