-- AlterTable
ALTER TABLE "Connection" ADD COLUMN     "loaFirstIssuedAt" TIMESTAMP(3);

