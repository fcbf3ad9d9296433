-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "urlKey" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Article_urlKey_key" ON "Article"("urlKey");
