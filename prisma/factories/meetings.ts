import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import type { Client } from "./client";

/*
 * Coordination meetings (issue 15): the meeting with its participants and agenda, each agency's
 * minutes about a person, the joint decisions and the tasks they become.
 */

/** A planned meeting of the three agencies; `participantIds` and `agendaPersonIds` in that order. */
export async function createMeeting(
  db: Client,
  {
    participantIds = [],
    agendaPersonIds = [],
    ...data
  }: Partial<Prisma.CoordinationMeetingUncheckedCreateInput> & {
    siteId: string;
    createdById: string;
    participantIds?: string[];
    agendaPersonIds?: string[];
  },
) {
  return db.coordinationMeeting.create({
    data: {
      startsAt: new Date(Date.UTC(2026, 0, 15, 9)),
      place: "Polishuset, sal 3",
      agencies: ["POLICE", "SOCIAL", "PROBATION"],
      participants: { create: participantIds.map((userId) => ({ userId })) },
      agenda: { create: agendaPersonIds.map((personId, position) => ({ personId, position })) },
      ...data,
    },
  });
}

/** One agency's minutes about one person at one meeting. */
export async function createMeetingMinutes(
  db: Client,
  data: Partial<Prisma.MeetingMinutesUncheckedCreateInput> & {
    siteId: string;
    meetingId: string;
    personId: string;
    agency: Agency;
    createdById: string;
  },
) {
  return db.meetingMinutes.create({ data: { text: "Minnesanteckning", ...data } });
}

/** A joint decision recorded by one agency, with its tasks (owner agency, responsible, due date). */
export async function createMeetingDecision(
  db: Client,
  {
    tasks = [],
    ...data
  }: Partial<Prisma.MeetingDecisionUncheckedCreateInput> & {
    siteId: string;
    meetingId: string;
    personId: string;
    recordedByAgency: Agency;
    createdById: string;
    tasks?: (Partial<Prisma.TaskUncheckedCreateWithoutDecisionInput> & {
      ownerAgency: Agency;
      responsibleId: string;
    })[];
  },
) {
  return db.meetingDecision.create({
    data: {
      text: "Gemensamt beslut",
      ...data,
      tasks: {
        create: tasks.map((task) => ({
          siteId: data.siteId,
          personId: data.personId,
          title: "Uppgift",
          dueOn: new Date(Date.UTC(2026, 0, 29)),
          createdById: data.createdById,
          ...task,
        })),
      },
    },
    include: { tasks: true },
  });
}
