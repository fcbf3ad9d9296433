-- CreateTable (UNLOGGED: no WAL for counters a crash may simply reset; not readable on a standby, where the API never asks)
CREATE UNLOGGED TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "capacity" DOUBLE PRECISION NOT NULL,
    "refillPerSecond" DOUBLE PRECISION NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
) WITH (fillfactor = 50); -- room on each page for the next version of its rows: every update is HOT
