-- A planned visit can be called off before it is made (issue 15's open item): neither done nor missed.
ALTER TABLE "PlannedVisit" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);

-- A plan is logged or called off, never both.
ALTER TABLE "PlannedVisit" ADD CONSTRAINT "PlannedVisit_done_or_cancelled" CHECK ("doneAt" IS NULL OR "cancelledAt" IS NULL);
