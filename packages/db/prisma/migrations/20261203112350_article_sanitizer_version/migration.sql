-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sanitizerVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Article_sanitizerVersion_idx" ON "Article"("sanitizerVersion");
