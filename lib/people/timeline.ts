import type {
  Agency,
  ContactType,
  EnforcementActionType,
  InviteeStatus,
  NotificationOutcome,
  PersonResponse,
  PlaceType,
  ReferralStatus,
} from "@/lib/generated/prisma/enums";

/** Who recorded an entry, and for which agency. The name is absent where the viewer sees status only. */
export type Recorder = { name: string | null; agency: Agency };
export type NoteView = { agency: Agency; body: string };

type Base = { key: string; at: Date; recordedBy: Recorder };

/** One entry of a person's timeline: everything recorded about them that the viewer may see. */
export type TimelineEntry =
  | (Base & {
      kind: "notification";
      id: string;
      placeType: PlaceType;
      outcome: NotificationOutcome;
      response: PersonResponse | null;
      askedForHelpOnSite: boolean;
      nextStep: string | null;
      agencies: Agency[];
      participants: string[];
      notes: NoteView[];
    })
  | (Base & {
      kind: "callIn";
      callInId: string;
      venue: string;
      status: InviteeStatus;
      response: PersonResponse | null;
      askedForHelp: boolean;
    })
  | (Base & {
      kind: "referralStep";
      referralId: string;
      fromStatus: ReferralStatus | null;
      toStatus: ReferralStatus;
      comment: string | null;
    })
  /** Police and probation: that a referral exists and where it stands, nothing of its content (consent given). */
  | (Base & {
      kind: "referralStatus";
      referralId: string;
      status: ReferralStatus;
      referredAt: Date;
      closedAt: Date | null;
    })
  | (Base & {
      kind: "followUp";
      id: string;
      dueOn: Date;
      doneAt: Date | null;
      isOverdue: boolean;
      contactType: ContactType | null;
      summary: string | null;
      assignedTo: string;
      notes: NoteView[];
    })
  | (Base & {
      kind: "enforcement";
      id: string;
      type: EnforcementActionType;
      description: string | null;
      notes: NoteView[];
    });

export type TimelineKind = TimelineEntry["kind"];

/** Newest first; entries at the same instant in a stable order (by key). */
export function mergeTimeline(...sources: TimelineEntry[][]): TimelineEntry[] {
  return sources.flat().sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key));
}
