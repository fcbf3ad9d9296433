-- AlterTable
ALTER TABLE "StoryCluster" ADD COLUMN     "companyIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
