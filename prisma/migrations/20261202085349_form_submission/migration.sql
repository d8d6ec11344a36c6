-- CreateEnum
CREATE TYPE "FormSubmissionStatus" AS ENUM ('PENDING', 'DONE');

-- CreateTable
CREATE TABLE "FormSubmission" (
    "userId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "status" "FormSubmissionStatus" NOT NULL DEFAULT 'PENDING',
    "state" JSONB,
    "redirectTo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "FormSubmission_userId_createdAt_idx" ON "FormSubmission"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "FormSubmission" ADD CONSTRAINT "FormSubmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
