import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PCCE for the Sefaz: the declaration's payment guides and released NF-e, and the Sefaz's ICMS calculation options. */
export class PcceGuidesOptions1764301450000 implements MigrationInterface {
  name = 'PcceGuidesOptions1764301450000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "icms_request" ADD "guides" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "icms_request" ADD "released_invoices" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`CREATE TABLE "icms_option" ("id" BIGSERIAL NOT NULL, "uf" character(2) NOT NULL, "code" character(4) NOT NULL, "description" character varying(30) NOT NULL, "request_type" character varying(40) NOT NULL, "active" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_icms_option" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "icms_option_code_per_uf" ON "icms_option" ("uf", "code") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "icms_option"`);
    await queryRunner.query(`ALTER TABLE "icms_request" DROP COLUMN "released_invoices"`);
    await queryRunner.query(`ALTER TABLE "icms_request" DROP COLUMN "guides"`);
  }
}
