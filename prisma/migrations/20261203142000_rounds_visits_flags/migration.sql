-- Issue 15: rounds' people, planned custom notifications with their teams, warning flags on people.

-- CreateEnum
CREATE TYPE "WarningFlagKind" AS ENUM ('THREAT_TO_STAFF', 'VISIT_IN_PAIRS', 'WEAPONS', 'DOG', 'OTHER');

-- CreateTable
CREATE TABLE "RoundPerson" (
    "roundId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID NOT NULL,

    CONSTRAINT "RoundPerson_pkey" PRIMARY KEY ("roundId","personId")
);

-- CreateTable
CREATE TABLE "PlannedVisit" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "roundId" UUID,
    "windowStartsOn" DATE NOT NULL,
    "windowEndsOn" DATE NOT NULL,
    "placeType" "PlaceType" NOT NULL,
    "placeDescription" TEXT,
    "notificationId" UUID,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdByAgency" "Agency" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlannedVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedVisitMember" (
    "plannedVisitId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "PlannedVisitMember_pkey" PRIMARY KEY ("plannedVisitId","userId")
);

-- CreateTable
CREATE TABLE "WarningFlag" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "WarningFlagKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "agency" "Agency" NOT NULL,
    "setOn" DATE NOT NULL,
    "endsOn" DATE,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WarningFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoundPerson_personId_idx" ON "RoundPerson"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PlannedVisit_notificationId_key" ON "PlannedVisit"("notificationId");

-- CreateIndex
CREATE INDEX "PlannedVisit_siteId_windowEndsOn_windowStartsOn_idx" ON "PlannedVisit"("siteId", "windowEndsOn", "windowStartsOn");

-- CreateIndex
CREATE INDEX "PlannedVisit_personId_windowStartsOn_idx" ON "PlannedVisit"("personId", "windowStartsOn");

-- CreateIndex
CREATE INDEX "PlannedVisit_roundId_idx" ON "PlannedVisit"("roundId");

-- CreateIndex
CREATE INDEX "PlannedVisitMember_userId_idx" ON "PlannedVisitMember"("userId");

-- CreateIndex
CREATE INDEX "WarningFlag_personId_endsOn_idx" ON "WarningFlag"("personId", "endsOn");

-- CreateIndex
CREATE INDEX "WarningFlag_siteId_endsOn_idx" ON "WarningFlag"("siteId", "endsOn");

-- AddForeignKey
ALTER TABLE "RoundPerson" ADD CONSTRAINT "RoundPerson_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NotificationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPerson" ADD CONSTRAINT "RoundPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPerson" ADD CONSTRAINT "RoundPerson_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPerson" ADD CONSTRAINT "RoundPerson_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NotificationRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "CustomNotification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisitMember" ADD CONSTRAINT "PlannedVisitMember_plannedVisitId_fkey" FOREIGN KEY ("plannedVisitId") REFERENCES "PlannedVisit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedVisitMember" ADD CONSTRAINT "PlannedVisitMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningFlag" ADD CONSTRAINT "WarningFlag_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningFlag" ADD CONSTRAINT "WarningFlag_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningFlag" ADD CONSTRAINT "WarningFlag_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningFlag" ADD CONSTRAINT "WarningFlag_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A plan's window and a flag's period run forwards.
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_window_check" CHECK ("windowStartsOn" <= "windowEndsOn");
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_done_check" CHECK ("notificationId" IS NULL OR "doneAt" IS NOT NULL);
ALTER TABLE "WarningFlag" ADD CONSTRAINT "WarningFlag_period_check" CHECK ("endsOn" IS NULL OR "setOn" <= "endsOn");
