import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each attempt keeps apart the time it queued for a socket (ours) from the receiver's time (the budget's). */
export class AttemptQueueTime1764301600000 implements MigrationInterface {
  name = 'AttemptQueueTime1764301600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery_attempt" ADD "queue_ms" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery_attempt" DROP COLUMN "queue_ms"`);
  }
}
