import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When each receipt was committed (real time), so the benchmark measures acceptance → durable receipt honestly. */
export class ReceiptCommittedAt1764300200000 implements MigrationInterface {
  name = 'ReceiptCommittedAt1764300200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "receipt" ADD "committed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "receipt" DROP COLUMN "committed_at"`);
  }
}
