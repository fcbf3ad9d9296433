-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ANALYST', 'EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "SentimentLabel" AS ENUM ('BEARISH', 'SOMEWHAT_BEARISH', 'NEUTRAL', 'SOMEWHAT_BULLISH', 'BULLISH');

-- CreateEnum
CREATE TYPE "SourceStatus" AS ENUM ('ACTIVE', 'PAUSED');

-- CreateEnum
CREATE TYPE "FeedFormat" AS ENUM ('RSS2', 'RSS1', 'RSS09', 'ATOM', 'JSON');

-- CreateEnum
CREATE TYPE "FullTextStatus" AS ENUM ('FROM_FEED', 'PENDING', 'EXTRACTED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('UNREVIEWED', 'APPROVED', 'REJECTED', 'NEEDS_REREVIEW');

-- CreateEnum
CREATE TYPE "CorrectionAction" AS ENUM ('CORRECT', 'APPROVE', 'REJECT', 'REOPEN');

-- CreateEnum
CREATE TYPE "CompanyStatus" AS ENUM ('CONFIRMED', 'PROPOSED', 'REJECTED', 'MERGED');

-- CreateEnum
CREATE TYPE "TopicKind" AS ENUM ('TAXONOMY', 'EDITOR');

-- CreateEnum
CREATE TYPE "SeriesSubject" AS ENUM ('COMPANY', 'TOPIC');

-- CreateEnum
CREATE TYPE "SeriesGranularity" AS ENUM ('HOUR', 'DAY');

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "siteUrl" TEXT,
    "description" TEXT,
    "language" TEXT,
    "format" "FeedFormat",
    "status" "SourceStatus" NOT NULL DEFAULT 'ACTIVE',
    "intervalSeconds" INTEGER NOT NULL DEFAULT 900,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastHttpStatus" INTEGER,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FetchLog" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "durationMs" INTEGER NOT NULL,
    "httpStatus" INTEGER,
    "notModified" BOOLEAN NOT NULL DEFAULT false,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "itemsNew" INTEGER NOT NULL DEFAULT 0,
    "itemsUpdated" INTEGER NOT NULL DEFAULT 0,
    "itemsUnchanged" INTEGER NOT NULL DEFAULT 0,
    "itemsSkipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "errorCode" TEXT,

    CONSTRAINT "FetchLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "guid" TEXT,
    "canonicalUrl" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "imageUrl" TEXT,
    "excerpt" TEXT,
    "contentHtml" TEXT,
    "contentText" TEXT,
    "fullTextStatus" "FullTextStatus" NOT NULL DEFAULT 'PENDING',
    "language" TEXT,
    "contentHash" TEXT NOT NULL,
    "searchVector" tsvector,
    "clusterId" INTEGER,
    "sentimentLabel" "SentimentLabel",
    "sentimentScore" DOUBLE PRECISION,
    "confidence" DOUBLE PRECISION,
    "importance" INTEGER,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'UNREVIEWED',
    "reviewVersion" INTEGER NOT NULL DEFAULT 0,
    "analyzedAt" TIMESTAMP(3),
    "latestAnalysisId" INTEGER,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleTitleHistory" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleTitleHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Analysis" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "analyzer" TEXT NOT NULL,
    "analyzerVersion" TEXT NOT NULL,
    "model" TEXT,
    "promptVersion" TEXT,
    "sentimentLabel" "SentimentLabel" NOT NULL,
    "sentimentScore" DOUBLE PRECISION NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "importance" INTEGER NOT NULL,
    "importanceFactors" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "paragraphs" TEXT[],
    "takeaways" TEXT[],
    "companies" JSONB NOT NULL,
    "topics" JSONB NOT NULL,
    "eventTypes" TEXT[],
    "language" TEXT,
    "fallbackReason" TEXT,
    "tokenUsage" JSONB,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "analysisId" INTEGER,
    "editorId" INTEGER NOT NULL,
    "action" "CorrectionAction" NOT NULL,
    "version" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "status" "CompanyStatus" NOT NULL DEFAULT 'CONFIRMED',
    "domain" TEXT,
    "sector" TEXT,
    "country" TEXT,
    "prominence" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT,
    "mergedIntoId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyAlias" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "ambiguous" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CompanyAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyTicker" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "exchange" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CompanyTicker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "TopicKind" NOT NULL DEFAULT 'TAXONOMY',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleCompany" (
    "articleId" INTEGER NOT NULL,
    "companyId" INTEGER NOT NULL,
    "relevance" DOUBLE PRECISION NOT NULL,
    "sentimentScore" DOUBLE PRECISION NOT NULL,
    "mentions" INTEGER NOT NULL DEFAULT 1,
    "sentences" TEXT[],
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleCompany_pkey" PRIMARY KEY ("articleId","companyId")
);

-- CreateTable
CREATE TABLE "ArticleTopic" (
    "articleId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "relevance" DOUBLE PRECISION NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleTopic_pkey" PRIMARY KEY ("articleId","topicId")
);

-- CreateTable
CREATE TABLE "StoryCluster" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "fingerprint" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SentimentBucket" (
    "subject" "SeriesSubject" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "granularity" "SeriesGranularity" NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "scoreSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "bullish" INTEGER NOT NULL DEFAULT 0,
    "neutral" INTEGER NOT NULL DEFAULT 0,
    "bearish" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SentimentBucket_pkey" PRIMARY KEY ("subject","subjectId","granularity","bucketStart")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstanceSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstanceSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

-- CreateIndex
CREATE INDEX "Source_status_nextAttemptAt_idx" ON "Source"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "FetchLog_sourceId_startedAt_idx" ON "FetchLog"("sourceId", "startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Article_canonicalUrl_key" ON "Article"("canonicalUrl");

-- CreateIndex
CREATE UNIQUE INDEX "Article_latestAnalysisId_key" ON "Article"("latestAnalysisId");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_sourceId_publishedAt_idx" ON "Article"("sourceId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Article_importance_publishedAt_idx" ON "Article"("importance" DESC, "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Article_sentimentLabel_publishedAt_idx" ON "Article"("sentimentLabel", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Article_reviewStatus_importance_confidence_idx" ON "Article"("reviewStatus", "importance" DESC, "confidence");

-- CreateIndex
CREATE INDEX "Article_clusterId_publishedAt_idx" ON "Article"("clusterId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Article_sourceId_guid_key" ON "Article"("sourceId", "guid");

-- CreateIndex
CREATE INDEX "ArticleTitleHistory_articleId_idx" ON "ArticleTitleHistory"("articleId");

-- CreateIndex
CREATE INDEX "Analysis_articleId_createdAt_idx" ON "Analysis"("articleId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Correction_editorId_createdAt_idx" ON "Correction"("editorId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Correction_articleId_version_key" ON "Correction"("articleId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Company_slug_key" ON "Company"("slug");

-- CreateIndex
CREATE INDEX "Company_status_name_idx" ON "Company"("status", "name");

-- CreateIndex
CREATE INDEX "CompanyAlias_normalized_idx" ON "CompanyAlias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyAlias_companyId_normalized_key" ON "CompanyAlias"("companyId", "normalized");

-- CreateIndex
CREATE INDEX "CompanyTicker_symbol_idx" ON "CompanyTicker"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyTicker_exchange_symbol_key" ON "CompanyTicker"("exchange", "symbol");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE INDEX "ArticleCompany_companyId_publishedAt_idx" ON "ArticleCompany"("companyId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "ArticleTopic_topicId_publishedAt_idx" ON "ArticleTopic"("topicId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "StoryCluster_lastSeenAt_idx" ON "StoryCluster"("lastSeenAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_createdAt_idx" ON "AuditEntry"("entityType", "entityId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FetchLog" ADD CONSTRAINT "FetchLog_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "StoryCluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_latestAnalysisId_fkey" FOREIGN KEY ("latestAnalysisId") REFERENCES "Analysis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTitleHistory" ADD CONSTRAINT "ArticleTitleHistory_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Analysis" ADD CONSTRAINT "Analysis_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyAlias" ADD CONSTRAINT "CompanyAlias_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyTicker" ADD CONSTRAINT "CompanyTicker_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCompany" ADD CONSTRAINT "ArticleCompany_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCompany" ADD CONSTRAINT "ArticleCompany_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTopic" ADD CONSTRAINT "ArticleTopic_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTopic" ADD CONSTRAINT "ArticleTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-edited: the audit log is append-only.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEntry_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();

-- Hand-edited: a trigger keeps the search vector in sync with the text (a generated
-- column would read to Prisma as a default and show up as drift).
CREATE FUNCTION "article_search_vector"() RETURNS trigger AS $$
BEGIN
    NEW."searchVector" :=
        setweight(to_tsvector('english'::regconfig, coalesce(NEW."title", '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(NEW."excerpt", '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, left(coalesce(NEW."contentText", ''), 200000)), 'C');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Article_search_vector"
    BEFORE INSERT OR UPDATE OF "title", "excerpt", "contentText" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "article_search_vector"();
