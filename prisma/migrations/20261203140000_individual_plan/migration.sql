-- The individual plan (issue 15): one plan per person, its measures (each the owner agency's
-- information) and their dated status history.

-- CreateEnum
CREATE TYPE "PlanMeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateTable
CREATE TABLE "IndividualPlan" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "goals" TEXT NOT NULL,
    "reviewOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "IndividualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanMeasure" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "responsibleId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "PlanMeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PlanMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanMeasureStatusChange" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "fromStatus" "PlanMeasureStatus",
    "toStatus" "PlanMeasureStatus" NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "changedById" UUID NOT NULL,
    "comment" TEXT,

    CONSTRAINT "PlanMeasureStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndividualPlan_personId_key" ON "IndividualPlan"("personId");

-- CreateIndex
CREATE INDEX "IndividualPlan_siteId_reviewOn_idx" ON "IndividualPlan"("siteId", "reviewOn");

-- CreateIndex
CREATE INDEX "PlanMeasure_siteId_responsibleId_status_dueOn_idx" ON "PlanMeasure"("siteId", "responsibleId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "PlanMeasure_planId_agency_dueOn_idx" ON "PlanMeasure"("planId", "agency", "dueOn");

-- CreateIndex
CREATE INDEX "PlanMeasure_personId_status_dueOn_idx" ON "PlanMeasure"("personId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "PlanMeasureStatusChange_measureId_changedAt_idx" ON "PlanMeasureStatusChange"("measureId", "changedAt");

-- AddForeignKey
ALTER TABLE "IndividualPlan" ADD CONSTRAINT "IndividualPlan_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndividualPlan" ADD CONSTRAINT "IndividualPlan_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndividualPlan" ADD CONSTRAINT "IndividualPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndividualPlan" ADD CONSTRAINT "IndividualPlan_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasure" ADD CONSTRAINT "PlanMeasure_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasure" ADD CONSTRAINT "PlanMeasure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "IndividualPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasure" ADD CONSTRAINT "PlanMeasure_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasure" ADD CONSTRAINT "PlanMeasure_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasure" ADD CONSTRAINT "PlanMeasure_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasureStatusChange" ADD CONSTRAINT "PlanMeasureStatusChange_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "PlanMeasure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMeasureStatusChange" ADD CONSTRAINT "PlanMeasureStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
