-- CreateIndex
CREATE INDEX "Event_occurredAt_idx" ON "Event"("occurredAt");

-- CreateIndex
CREATE INDEX "Event_orgId_kind_occurredAt_idx" ON "Event"("orgId", "kind", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_orgId_subjectType_occurredAt_idx" ON "Event"("orgId", "subjectType", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_subjectType_occurredAt_idx" ON "Event"("subjectType", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_orgId_actorType_occurredAt_idx" ON "Event"("orgId", "actorType", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_actorType_occurredAt_idx" ON "Event"("actorType", "occurredAt");

