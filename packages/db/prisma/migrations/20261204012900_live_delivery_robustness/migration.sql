-- Hand-written: robustness of live delivery (README "Subscriptions" and "Webhooks").

-- 1. Open live (WebSocket) connections of every API process, so the per-user cap holds across replicas.
--    UNLOGGED like RateLimitBucket: a crash loses only rows whose heartbeat would expire anyway.
CREATE UNLOGGED TABLE "LiveConnection" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "process" TEXT NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveConnection_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "LiveConnection_userId_idx" ON "LiveConnection"("userId");
CREATE INDEX "LiveConnection_process_idx" ON "LiveConnection"("process");

-- 2. When a delivery was skipped (endpoint paused or disabled): resuming re-queues those skipped during the pause.
ALTER TABLE "WebhookDelivery" ADD COLUMN "skippedAt" TIMESTAMP(3);
