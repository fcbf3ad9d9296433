-- CreateEnum
CREATE TYPE "AlertRuleKind" AS ENUM ('ARTICLE', 'SENTIMENT_SHIFT', 'ATTENTION', 'SENTIMENT_ANOMALY');

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertRuleKind" NOT NULL,
    "params" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cooldownMinutes" INTEGER NOT NULL DEFAULT 60,
    "watchlistId" INTEGER,
    "companyId" INTEGER,
    "topicId" INTEGER,
    "savedFilterId" INTEGER,
    "lastFiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertFiring" (
    "id" SERIAL NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "kind" "AlertRuleKind" NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3),
    "windowEnd" TIMESTAMP(3),
    "figures" JSONB NOT NULL,
    "articleIds" INTEGER[],
    "clusterId" INTEGER,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertFiring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "firingId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertRule_ownerId_idx" ON "AlertRule"("ownerId");

-- CreateIndex
CREATE INDEX "AlertRule_enabled_kind_idx" ON "AlertRule"("enabled", "kind");

-- CreateIndex
CREATE INDEX "AlertRule_companyId_idx" ON "AlertRule"("companyId");

-- CreateIndex
CREATE INDEX "AlertRule_topicId_idx" ON "AlertRule"("topicId");

-- CreateIndex
CREATE INDEX "AlertFiring_ruleId_firedAt_idx" ON "AlertFiring"("ruleId", "firedAt" DESC);

-- CreateIndex
CREATE INDEX "AlertFiring_firedAt_idx" ON "AlertFiring"("firedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertFiring_ruleId_dedupKey_key" ON "AlertFiring"("ruleId", "dedupKey");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_firingId_key" ON "Notification"("userId", "firingId");

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_watchlistId_fkey" FOREIGN KEY ("watchlistId") REFERENCES "Watchlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_savedFilterId_fkey" FOREIGN KEY ("savedFilterId") REFERENCES "SavedFilter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertFiring" ADD CONSTRAINT "AlertFiring_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_firingId_fkey" FOREIGN KEY ("firingId") REFERENCES "AlertFiring"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A rule has exactly one target (watchlist, company, topic or saved filter).
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_one_target" CHECK (num_nonnulls("watchlistId", "companyId", "topicId", "savedFilterId") = 1);
