-- CreateIndex
CREATE INDEX "Connection_createdAt_idx" ON "Connection"("createdAt");

-- CreateIndex
CREATE INDEX "Event_subjectType_subjectId_id_idx" ON "Event"("subjectType", "subjectId", "id");

-- CreateIndex
CREATE INDEX "Event_connectionId_id_idx" ON "Event"("connectionId", "id");

