-- CreateEnum
CREATE TYPE "Role" AS ENUM ('POLICE', 'SOCIAL', 'PROBATION', 'MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Agency" AS ENUM ('POLICE', 'SOCIAL', 'PROBATION');

-- CreateEnum
CREATE TYPE "PersonStatus" AS ENUM ('ACTIVE', 'DEPRIVED_OF_LIBERTY', 'RELOCATED', 'LEFT_PROGRAMME', 'DECEASED');

-- CreateEnum
CREATE TYPE "IdentityNumberKind" AS ENUM ('PERSONNUMMER', 'SAMORDNINGSNUMMER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('LEADER', 'CORE_MEMBER', 'MEMBER', 'ASSOCIATE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('CONFIRMED', 'PROBABLE', 'UNCONFIRMED');

-- CreateEnum
CREATE TYPE "GroupRelationKind" AS ENUM ('RIVALRY', 'ALLIANCE');

-- CreateEnum
CREATE TYPE "PlaceType" AS ENUM ('HOME', 'PROBATION_OFFICE', 'CUSTODY', 'STREET', 'OTHER');

-- CreateEnum
CREATE TYPE "NotificationOutcome" AS ENUM ('DELIVERED', 'REFUSED', 'NOT_FOUND', 'ATTEMPTED');

-- CreateEnum
CREATE TYPE "PersonResponse" AS ENUM ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'REFUSED', 'NOT_MET');

-- CreateEnum
CREATE TYPE "InviteeStatus" AS ENUM ('INVITED', 'ATTENDED', 'ABSENT', 'DECLINED');

-- CreateEnum
CREATE TYPE "SpeakerKind" AS ENUM ('POLICE', 'SOCIAL', 'PROBATION', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('REFERRED', 'CONTACTED', 'ASSESSED', 'IN_PROGRAMME', 'COMPLETED', 'DISCONTINUED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ReferralSource" AS ENUM ('CUSTOM_NOTIFICATION', 'CALL_IN', 'SELF', 'POLICE', 'PROBATION', 'SOCIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "SupportMeasureType" AS ENUM ('RELOCATION', 'HOUSING', 'EMPLOYMENT', 'EDUCATION', 'TREATMENT', 'PROTECTION', 'DEBT_ADVICE', 'FAMILY_SUPPORT');

-- CreateEnum
CREATE TYPE "SupportMeasureStatus" AS ENUM ('PLANNED', 'ONGOING', 'COMPLETED', 'DISCONTINUED');

-- CreateEnum
CREATE TYPE "ContactType" AS ENUM ('MEETING', 'PHONE', 'HOME_VISIT', 'OTHER');

-- CreateEnum
CREATE TYPE "EnforcementActionType" AS ENUM ('ARREST', 'WEAPON_SEIZURE', 'SEARCH', 'DETENTION', 'PROSECUTION', 'CONVICTION', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('SHOOTING', 'EXPLOSION', 'STABBING', 'OTHER_VIOLENCE');

-- CreateEnum
CREATE TYPE "GroupMemberInvolvement" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "IncidentPersonRole" AS ENUM ('VICTIM', 'SUSPECT');

-- CreateEnum
CREATE TYPE "IncidentGroupRole" AS ENUM ('SUSPECTED', 'VICTIM_SIDE');

-- CreateEnum
CREATE TYPE "DisclosureBasis" AS ENUM ('CONSENT', 'OSL_10_2', 'OSL_10_18A', 'OSL_10_21', 'OSL_10_23', 'OSL_10_28', 'OTHER');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'READ', 'SEARCH', 'CREATE', 'UPDATE', 'DELETE', 'REVEAL_IDENTITY_NUMBER', 'EXPORT', 'DISCLOSE', 'ANONYMISE', 'SECURITY');

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionsValidAfter" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "recoveryCodeHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SystemSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "identityNumber" CHAR(12),
    "identityNumberKind" "IdentityNumberKind",
    "birthDate" DATE,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "PersonStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hasProtectedIdentity" BOOLEAN NOT NULL DEFAULT false,
    "protectedTown" TEXT,
    "protectedAddress" TEXT,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "district" TEXT,
    "isPrioritized" BOOLEAN NOT NULL DEFAULT false,
    "prioritizedAt" TIMESTAMPTZ(3),
    "prioritizedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupRelation" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "groupAId" UUID NOT NULL,
    "groupBId" UUID NOT NULL,
    "kind" "GroupRelationKind" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "sourceAgency" "Agency" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "GroupRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "role" "MembershipRole" NOT NULL DEFAULT 'UNKNOWN',
    "sourceAgency" "Agency" NOT NULL,
    "confidence" "Confidence" NOT NULL,
    "reviewDueOn" DATE NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationRound" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID NOT NULL,

    CONSTRAINT "NotificationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomNotification" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "roundId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "placeType" "PlaceType" NOT NULL,
    "placeDescription" TEXT,
    "agencies" "Agency"[],
    "outcome" "NotificationOutcome" NOT NULL,
    "response" "PersonResponse",
    "askedForHelpOnSite" BOOLEAN NOT NULL DEFAULT false,
    "nextStep" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdByAgency" "Agency" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CustomNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationParticipant" (
    "notificationId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "NotificationParticipant_pkey" PRIMARY KEY ("notificationId","userId")
);

-- CreateTable
CREATE TABLE "CallIn" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "venue" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdByAgency" "Agency" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CallIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallInInvitee" (
    "id" UUID NOT NULL,
    "callInId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "status" "InviteeStatus" NOT NULL DEFAULT 'INVITED',
    "response" "PersonResponse",
    "askedForHelp" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CallInInvitee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallInSpeaker" (
    "id" UUID NOT NULL,
    "callInId" UUID NOT NULL,
    "kind" "SpeakerKind" NOT NULL,
    "userId" UUID,
    "name" TEXT,

    CONSTRAINT "CallInSpeaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'REFERRED',
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "ReferralSource" NOT NULL,
    "notificationId" UUID,
    "callInId" UUID,
    "referredAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralStatusChange" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "fromStatus" "ReferralStatus",
    "toStatus" "ReferralStatus" NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "changedById" UUID NOT NULL,
    "comment" TEXT,

    CONSTRAINT "ReferralStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportMeasure" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "type" "SupportMeasureType" NOT NULL,
    "status" "SupportMeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "outcome" TEXT,
    "destinationTown" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SupportMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "assignedToId" UUID NOT NULL,
    "notificationId" UUID,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "contactType" "ContactType",
    "summary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementAction" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID,
    "groupId" UUID,
    "type" "EnforcementActionType" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EnforcementAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "type" "IncidentType" NOT NULL,
    "district" TEXT NOT NULL,
    "place" TEXT,
    "killed" INTEGER NOT NULL DEFAULT 0,
    "injured" INTEGER NOT NULL DEFAULT 0,
    "groupMemberInvolvement" "GroupMemberInvolvement" NOT NULL DEFAULT 'UNKNOWN',
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentPerson" (
    "incidentId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "IncidentPersonRole" NOT NULL,

    CONSTRAINT "IncidentPerson_pkey" PRIMARY KEY ("incidentId","personId","role")
);

-- CreateTable
CREATE TABLE "IncidentGroup" (
    "incidentId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "role" "IncidentGroupRole" NOT NULL,

    CONSTRAINT "IncidentGroup_pkey" PRIMARY KEY ("incidentId","groupId","role")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "agencies" "Agency"[],
    "scope" TEXT NOT NULL,
    "documentReference" TEXT NOT NULL,
    "guardianConsent" BOOLEAN NOT NULL DEFAULT false,
    "givenOn" DATE NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "fromAgency" "Agency" NOT NULL,
    "toAgency" "Agency" NOT NULL,
    "legalBasis" "DisclosureBasis" NOT NULL,
    "legalBasisDetail" TEXT,
    "consentId" UUID,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "disclosedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID NOT NULL,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternalNote" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "body" TEXT NOT NULL,
    "personId" UUID,
    "notificationId" UUID,
    "callInId" UUID,
    "referralId" UUID,
    "supportMeasureId" UUID,
    "followUpId" UUID,
    "enforcementActionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InternalNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "siteId" UUID,
    "actorId" UUID,
    "actorRole" "Role",
    "action" "AuditAction" NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "personId" UUID,
    "reason" TEXT,
    "metadata" JSONB,
    "ipAddress" TEXT,
    "requestId" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_code_key" ON "Site"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_siteId_role_isActive_idx" ON "User"("siteId", "role", "isActive");

-- CreateIndex
CREATE INDEX "Person_siteId_lastName_firstName_idx" ON "Person"("siteId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Person_siteId_status_idx" ON "Person"("siteId", "status");

-- CreateIndex
CREATE INDEX "Person_siteId_birthDate_idx" ON "Person"("siteId", "birthDate");

-- CreateIndex
CREATE INDEX "Person_siteId_lastActivityAt_idx" ON "Person"("siteId", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "Person_siteId_identityNumber_key" ON "Person"("siteId", "identityNumber");

-- CreateIndex
CREATE INDEX "Assignment_siteId_userId_endedAt_idx" ON "Assignment"("siteId", "userId", "endedAt");

-- CreateIndex
CREATE INDEX "Assignment_personId_agency_idx" ON "Assignment"("personId", "agency");

-- CreateIndex
CREATE INDEX "Group_siteId_isPrioritized_idx" ON "Group"("siteId", "isPrioritized");

-- CreateIndex
CREATE UNIQUE INDEX "Group_siteId_name_key" ON "Group"("siteId", "name");

-- CreateIndex
CREATE INDEX "GroupRelation_siteId_groupAId_idx" ON "GroupRelation"("siteId", "groupAId");

-- CreateIndex
CREATE INDEX "GroupRelation_siteId_groupBId_idx" ON "GroupRelation"("siteId", "groupBId");

-- CreateIndex
CREATE INDEX "Membership_siteId_groupId_validTo_idx" ON "Membership"("siteId", "groupId", "validTo");

-- CreateIndex
CREATE INDEX "Membership_personId_validTo_idx" ON "Membership"("personId", "validTo");

-- CreateIndex
CREATE INDEX "Membership_siteId_reviewDueOn_idx" ON "Membership"("siteId", "reviewDueOn");

-- CreateIndex
CREATE INDEX "NotificationRound_siteId_startsOn_idx" ON "NotificationRound"("siteId", "startsOn");

-- CreateIndex
CREATE INDEX "CustomNotification_siteId_occurredAt_idx" ON "CustomNotification"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "CustomNotification_personId_occurredAt_idx" ON "CustomNotification"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "CustomNotification_roundId_idx" ON "CustomNotification"("roundId");

-- CreateIndex
CREATE INDEX "NotificationParticipant_userId_idx" ON "NotificationParticipant"("userId");

-- CreateIndex
CREATE INDEX "CallIn_siteId_occurredAt_idx" ON "CallIn"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "CallInInvitee_personId_idx" ON "CallInInvitee"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CallInInvitee_callInId_personId_key" ON "CallInInvitee"("callInId", "personId");

-- CreateIndex
CREATE INDEX "CallInSpeaker_callInId_idx" ON "CallInSpeaker"("callInId");

-- CreateIndex
CREATE INDEX "Referral_siteId_status_idx" ON "Referral"("siteId", "status");

-- CreateIndex
CREATE INDEX "Referral_personId_idx" ON "Referral"("personId");

-- CreateIndex
CREATE INDEX "Referral_siteId_referredAt_idx" ON "Referral"("siteId", "referredAt");

-- CreateIndex
CREATE INDEX "ReferralStatusChange_referralId_changedAt_idx" ON "ReferralStatusChange"("referralId", "changedAt");

-- CreateIndex
CREATE INDEX "ReferralStatusChange_toStatus_changedAt_idx" ON "ReferralStatusChange"("toStatus", "changedAt");

-- CreateIndex
CREATE INDEX "SupportMeasure_siteId_type_startsOn_idx" ON "SupportMeasure"("siteId", "type", "startsOn");

-- CreateIndex
CREATE INDEX "SupportMeasure_referralId_idx" ON "SupportMeasure"("referralId");

-- CreateIndex
CREATE INDEX "SupportMeasure_personId_idx" ON "SupportMeasure"("personId");

-- CreateIndex
CREATE INDEX "FollowUp_siteId_assignedToId_doneAt_dueOn_idx" ON "FollowUp"("siteId", "assignedToId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "FollowUp_personId_dueOn_idx" ON "FollowUp"("personId", "dueOn");

-- CreateIndex
CREATE INDEX "EnforcementAction_siteId_occurredAt_idx" ON "EnforcementAction"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "EnforcementAction_personId_occurredAt_idx" ON "EnforcementAction"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "EnforcementAction_groupId_occurredAt_idx" ON "EnforcementAction"("groupId", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_siteId_occurredAt_idx" ON "Incident"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_siteId_type_occurredAt_idx" ON "Incident"("siteId", "type", "occurredAt");

-- CreateIndex
CREATE INDEX "IncidentPerson_personId_idx" ON "IncidentPerson"("personId");

-- CreateIndex
CREATE INDEX "IncidentGroup_groupId_idx" ON "IncidentGroup"("groupId");

-- CreateIndex
CREATE INDEX "Consent_personId_withdrawnAt_idx" ON "Consent"("personId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "Disclosure_personId_disclosedAt_idx" ON "Disclosure"("personId", "disclosedAt");

-- CreateIndex
CREATE INDEX "Disclosure_siteId_disclosedAt_idx" ON "Disclosure"("siteId", "disclosedAt");

-- CreateIndex
CREATE INDEX "InternalNote_personId_agency_idx" ON "InternalNote"("personId", "agency");

-- CreateIndex
CREATE INDEX "InternalNote_callInId_agency_idx" ON "InternalNote"("callInId", "agency");

-- CreateIndex
CREATE INDEX "InternalNote_referralId_agency_idx" ON "InternalNote"("referralId", "agency");

-- CreateIndex
CREATE INDEX "InternalNote_supportMeasureId_agency_idx" ON "InternalNote"("supportMeasureId", "agency");

-- CreateIndex
CREATE INDEX "InternalNote_followUpId_agency_idx" ON "InternalNote"("followUpId", "agency");

-- CreateIndex
CREATE INDEX "InternalNote_enforcementActionId_agency_idx" ON "InternalNote"("enforcementActionId", "agency");

-- CreateIndex
CREATE UNIQUE INDEX "InternalNote_notificationId_agency_key" ON "InternalNote"("notificationId", "agency");

-- CreateIndex
CREATE INDEX "AuditEvent_siteId_occurredAt_idx" ON "AuditEvent"("siteId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_personId_occurredAt_idx" ON "AuditEvent"("personId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_occurredAt_idx" ON "AuditEvent"("action", "occurredAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_prioritizedById_fkey" FOREIGN KEY ("prioritizedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRelation" ADD CONSTRAINT "GroupRelation_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRelation" ADD CONSTRAINT "GroupRelation_groupAId_fkey" FOREIGN KEY ("groupAId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRelation" ADD CONSTRAINT "GroupRelation_groupBId_fkey" FOREIGN KEY ("groupBId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupRelation" ADD CONSTRAINT "GroupRelation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRound" ADD CONSTRAINT "NotificationRound_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRound" ADD CONSTRAINT "NotificationRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomNotification" ADD CONSTRAINT "CustomNotification_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomNotification" ADD CONSTRAINT "CustomNotification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomNotification" ADD CONSTRAINT "CustomNotification_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NotificationRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomNotification" ADD CONSTRAINT "CustomNotification_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationParticipant" ADD CONSTRAINT "NotificationParticipant_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "CustomNotification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationParticipant" ADD CONSTRAINT "NotificationParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallIn" ADD CONSTRAINT "CallIn_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallIn" ADD CONSTRAINT "CallIn_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallInInvitee" ADD CONSTRAINT "CallInInvitee_callInId_fkey" FOREIGN KEY ("callInId") REFERENCES "CallIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallInInvitee" ADD CONSTRAINT "CallInInvitee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallInSpeaker" ADD CONSTRAINT "CallInSpeaker_callInId_fkey" FOREIGN KEY ("callInId") REFERENCES "CallIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallInSpeaker" ADD CONSTRAINT "CallInSpeaker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "CustomNotification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_callInId_fkey" FOREIGN KEY ("callInId") REFERENCES "CallIn"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralStatusChange" ADD CONSTRAINT "ReferralStatusChange_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralStatusChange" ADD CONSTRAINT "ReferralStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMeasure" ADD CONSTRAINT "SupportMeasure_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMeasure" ADD CONSTRAINT "SupportMeasure_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMeasure" ADD CONSTRAINT "SupportMeasure_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMeasure" ADD CONSTRAINT "SupportMeasure_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "CustomNotification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementAction" ADD CONSTRAINT "EnforcementAction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPerson" ADD CONSTRAINT "IncidentPerson_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPerson" ADD CONSTRAINT "IncidentPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentGroup" ADD CONSTRAINT "IncidentGroup_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentGroup" ADD CONSTRAINT "IncidentGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "CustomNotification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_callInId_fkey" FOREIGN KEY ("callInId") REFERENCES "CallIn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_supportMeasureId_fkey" FOREIGN KEY ("supportMeasureId") REFERENCES "SupportMeasure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_enforcementActionId_fkey" FOREIGN KEY ("enforcementActionId") REFERENCES "EnforcementAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalNote" ADD CONSTRAINT "InternalNote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
