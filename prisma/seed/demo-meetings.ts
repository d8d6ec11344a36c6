import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  createConsent,
  createDisclosure,
  createMeeting,
  createMeetingDecision,
  createMeetingMinutes,
} from "../factories";

/*
 * The demo's coordination meetings (issue 15): one held after the autumn 2020 round, about three
 * of the people who asked for help, with each agency's own minutes and two joint decisions that
 * became tasks (one done, one still open: overdue in the demo), and the next one planned with the
 * same people. Synthetic text only; fixed dates, so the seed stays deterministic.
 */
export async function seedDemoMeetings(
  db: PrismaClient,
  {
    siteId,
    users,
    personIds,
  }: {
    siteId: string;
    users: { police: string; social: string; probation: string };
    personIds: [string, string, string];
  },
): Promise<void> {
  const participantIds = [users.police, users.social, users.probation];
  const held = await createMeeting(db, {
    siteId,
    createdById: users.social,
    startsAt: new Date("2020-10-05T08:00:00Z"),
    place: "Polishuset, sal 3",
    title: "Samordningsmöte efter höstens omgång",
    status: "HELD",
    participantIds,
    agendaPersonIds: personIds,
  });
  const [first, second] = personIds;
  for (const [agency, by, text] of [
    ["POLICE", users.police, "Inga nya händelser sedan samtalet. Fortsatt bevakning av gruppens område."],
    ["SOCIAL", users.social, "Vill ha hjälp med arbete. Bedömning påbörjad; möte med familjen bokat."],
    ["PROBATION", users.probation, "Sköter kontakterna med frivården. Nästa besök om två veckor."],
  ] as const) {
    await createMeetingMinutes(db, { siteId, meetingId: held.id, personId: first, agency, createdById: by, text });
  }
  // The decision hands probation a task: the first person consented to social services' joint
  // decisions going to probation (a task for another agency needs it), and the handing over is
  // logged as social services' disclosure, as recordDecision does.
  const consent = await createConsent(db, {
    siteId,
    personId: first,
    recordedByAgency: "SOCIAL",
    createdById: users.social,
    coverage: [{ from: "SOCIAL", kind: "JOINT_DECISION", to: "PROBATION" }],
    documentReference: "SAMTYCKE-2020-MÖTE-1",
    givenOn: new Date("2020-10-05T07:30:00Z"),
  });
  const handing = await createMeetingDecision(db, {
    siteId,
    meetingId: held.id,
    personId: first,
    recordedByAgency: "SOCIAL",
    createdById: users.social,
    text: "Socialtjänsten erbjuder praktikplats; frivården stämmer av vid nästa besök.",
    tasks: [
      {
        title: "Kontakta arbetsmarknadsenheten om praktik",
        ownerAgency: "SOCIAL",
        responsibleId: users.social,
        dueOn: new Date("2020-10-12"),
        status: "DONE",
        doneAt: new Date("2020-10-09T13:00:00Z"),
      },
      {
        title: "Stäm av praktiken vid besöket",
        ownerAgency: "PROBATION",
        responsibleId: users.probation,
        dueOn: new Date("2020-10-19"),
      },
    ],
  });
  for (const task of handing.tasks.filter((t) => t.ownerAgency === "PROBATION")) {
    await createDisclosure(db, {
      siteId,
      personId: first,
      fromAgency: "SOCIAL",
      toAgency: "PROBATION",
      legalBasis: "CONSENT",
      consentId: consent.id,
      entityType: "Task",
      entityId: task.id,
      disclosedAt: new Date("2020-10-05T09:00:00Z"),
      actorId: users.social,
    });
  }
  await createMeetingDecision(db, {
    siteId,
    meetingId: held.id,
    personId: second,
    recordedByAgency: "POLICE",
    createdById: users.police,
    text: "Nytt individuellt samtal tillsammans med socialtjänsten.",
    tasks: [
      {
        title: "Planera samtal med socialtjänsten",
        ownerAgency: "POLICE",
        responsibleId: users.police,
        dueOn: new Date("2020-10-16"),
      },
    ],
  });
  await createMeeting(db, {
    siteId,
    createdById: users.social,
    startsAt: new Date("2020-10-19T08:00:00Z"),
    place: "Polishuset, sal 3",
    title: "Nästa samordningsmöte",
    participantIds,
    agendaPersonIds: personIds,
  });
}
