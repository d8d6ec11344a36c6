-- One active assignment per person and coordinator. Two users taking the same person on at the
-- same moment could otherwise both pass the application's check and make a duplicate, which would
-- count the person twice in the coordinator's caseload. Ended assignments are history and may repeat.
-- Prisma 6 cannot express a partial unique index in schema.prisma; it is kept here only (see the
-- comment on model Assignment).

-- Duplicates made before this migration: keep the earliest, end the others (the caseload trigger
-- moves the counts).
UPDATE "Assignment" a SET "endedAt" = now()
WHERE a."endedAt" IS NULL
  AND EXISTS (
    SELECT 1 FROM "Assignment" b
    WHERE b."personId" = a."personId" AND b."userId" = a."userId" AND b."endedAt" IS NULL
      AND (b."assignedAt", b.id) < (a."assignedAt", a.id)
  );

CREATE UNIQUE INDEX "Assignment_personId_userId_active_key" ON "Assignment"("personId", "userId") WHERE "endedAt" IS NULL;
