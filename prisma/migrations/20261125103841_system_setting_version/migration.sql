-- AlterTable
ALTER TABLE "SystemSetting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
