-- Hand-written: a time-partitioned copy of the articles' search vectors (README "Search benchmark").
--
-- Text search keeps the newest matches and ranks them. On one GIN index over every article,
-- PostgreSQL intersects the words' whole posting lists before it can keep the newest, so a rare
-- combination of common words costs as much as the words are common. Here each time range has
-- its own indexes and the search reads the partitions newest first, each planned on its own
-- (packages/db/src/repositories/search-matches.ts): it stops in the partition where it has found
-- enough, so its cost follows the page.
--
-- The table lives in its own schema, out of Prisma's sight (Prisma cannot model partitioning);
-- triggers on "Article" keep it in step, so nothing in the application writes it.

CREATE SCHEMA IF NOT EXISTS "search";

CREATE TABLE "search"."ArticleVector" (
    "articleId" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "vector" tsvector NOT NULL
) PARTITION BY RANGE ("publishedAt");

-- Quarters from 2020 to 2039 (a busy deployment's quarter is 2-3 million articles), years from
-- 2000 to 2019, and one partition on either side: every timestamp has a partition, with no
-- default partition (which would keep PostgreSQL from reading partitions in order).
DO $$
DECLARE
    start date;
BEGIN
    EXECUTE 'CREATE TABLE "search"."ArticleVector_before_2000" PARTITION OF "search"."ArticleVector" FOR VALUES FROM (MINVALUE) TO (''2000-01-01'')';
    FOR year IN 2000..2019 LOOP
        EXECUTE format(
            'CREATE TABLE "search"."ArticleVector_%s" PARTITION OF "search"."ArticleVector" FOR VALUES FROM (%L) TO (%L)',
            year, make_date(year, 1, 1), make_date(year + 1, 1, 1));
    END LOOP;
    start := date '2020-01-01';
    WHILE start < date '2040-01-01' LOOP
        EXECUTE format(
            'CREATE TABLE "search"."ArticleVector_%s_q%s" PARTITION OF "search"."ArticleVector" FOR VALUES FROM (%L) TO (%L)',
            extract(year FROM start), extract(quarter FROM start), start, start + interval '3 months');
        start := start + interval '3 months';
    END LOOP;
    EXECUTE 'CREATE TABLE "search"."ArticleVector_from_2040" PARTITION OF "search"."ArticleVector" FOR VALUES FROM (''2040-01-01'') TO (MAXVALUE)';
END
$$;

INSERT INTO "search"."ArticleVector" ("articleId", "publishedAt", "vector")
SELECT "id", "publishedAt", coalesce("searchVector", ''::tsvector) FROM "Article";

-- Per partition: newest first (a walk by date where the words are common; also the key the
-- triggers update and delete by), and a GIN index (where they are rare).
CREATE UNIQUE INDEX "ArticleVector_publishedAt_articleId_key"
    ON "search"."ArticleVector" ("publishedAt" DESC, "articleId" DESC);
CREATE INDEX "ArticleVector_vector_idx" ON "search"."ArticleVector" USING GIN ("vector");

CREATE FUNCTION "search"."article_vector_sync"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "search"."ArticleVector" ("articleId", "publishedAt", "vector")
        VALUES (NEW."id", NEW."publishedAt", coalesce(NEW."searchVector", ''::tsvector));
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" OR NEW."searchVector" IS DISTINCT FROM OLD."searchVector" THEN
            UPDATE "search"."ArticleVector"
            SET "publishedAt" = NEW."publishedAt", "vector" = coalesce(NEW."searchVector", ''::tsvector)
            WHERE "publishedAt" = OLD."publishedAt" AND "articleId" = OLD."id";
        END IF;
    ELSE
        DELETE FROM "search"."ArticleVector" WHERE "publishedAt" = OLD."publishedAt" AND "articleId" = OLD."id";
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- AFTER: "Article_search_vector" (BEFORE) has computed the vector.
CREATE TRIGGER "Article_vector_sync"
    AFTER INSERT OR DELETE OR UPDATE OF "publishedAt", "title", "excerpt", "contentText", "searchVector" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "search"."article_vector_sync"();

CREATE FUNCTION "search"."article_vector_truncate"() RETURNS trigger AS $$
BEGIN
    TRUNCATE "search"."ArticleVector";
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Article_vector_truncate"
    AFTER TRUNCATE ON "Article"
    FOR EACH STATEMENT EXECUTE FUNCTION "search"."article_vector_truncate"();
