import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Conformance runs of integrators' endpoints, kept apart from notifications and receipts. */
export class ConformanceRuns1764301700000 implements MigrationInterface {
  name = 'ConformanceRuns1764301700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conformance_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint" character varying(500) NOT NULL, "interveniente_id" uuid NOT NULL, "subscription_id" integer, "perfil" character varying(10) NOT NULL, "situacao" character varying(20) NOT NULL, "parametros" jsonb NOT NULL, "checks" jsonb NOT NULL DEFAULT '[]', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_conformance_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "conformance_run_started_at" ON "conformance_run" ("started_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "conformance_run"`);
  }
}
