-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "learnedModelId" INTEGER;

-- CreateTable
CREATE TABLE "AnalyzerModel" (
    "id" SERIAL NOT NULL,
    "exampleCount" INTEGER NOT NULL,
    "lastCorrectionId" INTEGER NOT NULL,
    "crossValidation" JSONB NOT NULL,
    "improves" BOOLEAN NOT NULL,
    "weights" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "activatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalyzerModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnalyzerModel_active_idx" ON "AnalyzerModel"("active");

-- AddForeignKey
ALTER TABLE "Analysis" ADD CONSTRAINT "Analysis_learnedModelId_fkey" FOREIGN KEY ("learnedModelId") REFERENCES "AnalyzerModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;
