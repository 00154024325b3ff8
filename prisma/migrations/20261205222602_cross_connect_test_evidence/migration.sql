-- AlterTable
ALTER TABLE "CrossConnectOrder" ADD COLUMN     "testNote" TEXT,
ADD COLUMN     "testRxDbm" DOUBLE PRECISION,
ADD COLUMN     "testTxDbm" DOUBLE PRECISION;

