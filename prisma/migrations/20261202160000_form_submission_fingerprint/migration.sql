-- A submission key answers only the same form with the same input (lib/form-submissions.ts).
-- Rows are kept a day at most and hold no record: the ones there now are simply dropped.
DELETE FROM "FormSubmission";
ALTER TABLE "FormSubmission" ADD COLUMN "fingerprint" TEXT NOT NULL;

-- Old rows are removed for everyone with each submission, not only for the user who submits.
DROP INDEX "FormSubmission_userId_createdAt_idx";
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");
