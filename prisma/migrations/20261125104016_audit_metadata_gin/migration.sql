-- CreateIndex
CREATE INDEX "AuditEvent_metadata_idx" ON "AuditEvent" USING GIN ("metadata" jsonb_path_ops);
