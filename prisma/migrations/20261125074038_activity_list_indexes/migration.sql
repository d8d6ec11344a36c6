-- DropIndex
DROP INDEX "Referral_siteId_status_idx";

-- CreateIndex
CREATE INDEX "EnforcementAction_siteId_type_occurredAt_idx" ON "EnforcementAction"("siteId", "type", "occurredAt");

-- CreateIndex
CREATE INDEX "FollowUp_siteId_agency_doneAt_dueOn_idx" ON "FollowUp"("siteId", "agency", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "Incident_siteId_district_occurredAt_idx" ON "Incident"("siteId", "district", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_siteId_groupMemberInvolvement_occurredAt_idx" ON "Incident"("siteId", "groupMemberInvolvement", "occurredAt");

-- CreateIndex
CREATE INDEX "Referral_siteId_status_statusChangedAt_idx" ON "Referral"("siteId", "status", "statusChangedAt");
