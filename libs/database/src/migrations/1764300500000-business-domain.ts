import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The business scenarios' tables: Duimp (versions, history/events), PCCE ICMS requests, Sefaz documents, LPCO. */
export class BusinessDomain1764300500000 implements MigrationInterface {
  name = 'BusinessDomain1764300500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "duimp" ("number" character(15) NOT NULL, "current_version" smallint NOT NULL, "situation" character varying(2) NOT NULL, "channel" character varying(2) NOT NULL, "importer_type" character(1) NOT NULL, "importer_ni" character varying(14) NOT NULL, "importer_uf" character(2) NOT NULL, "clearance_uf" character(2) NOT NULL, "ufs" jsonb NOT NULL, "seed" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a86506af9d162808ce892096b72" PRIMARY KEY ("number"))`);
    await queryRunner.query(`CREATE INDEX "duimp_by_importer" ON "duimp"  ("importer_ni") `);
    await queryRunner.query(`CREATE TABLE "duimp_event" ("id" BIGSERIAL NOT NULL, "number" character(15) NOT NULL, "version" smallint NOT NULL, "code" character varying(3) NOT NULL, "description" character varying(150) NOT NULL, "evento" character varying(60), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ufs" jsonb NOT NULL, CONSTRAINT "PK_b839bbbe80ef952293db3709583" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "duimp_event_by_time" ON "duimp_event"  ("occurred_at") WHERE evento IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "duimp_event_by_duimp" ON "duimp_event"  ("number", "id") `);
    await queryRunner.query(`CREATE TABLE "duimp_version" ("number" character(15) NOT NULL, "version" smallint NOT NULL, "spec" jsonb NOT NULL, "cover" jsonb NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_36cb34e0f0d67dbe78ef332b01a" PRIMARY KEY ("number", "version"))`);
    await queryRunner.query(`CREATE TABLE "icms_request" ("id" SERIAL NOT NULL, "duimp_number" character(15) NOT NULL, "duimp_version" smallint NOT NULL, "uf" character(2) NOT NULL, "request_type" character varying(40) NOT NULL, "treatment" character varying(20) NOT NULL, "status" character varying(40) NOT NULL, "request" jsonb NOT NULL, "history" jsonb NOT NULL, "result" jsonb, "credit" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ba06fc1e41ee1ca8fbcf2c435ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "icms_request_one_pending" ON "icms_request"  ("duimp_number") WHERE status IN ('DUIMP_CALCULO_SOLICITADO', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO')`);
    await queryRunner.query(`CREATE TABLE "lpco" ("number" character(11) NOT NULL, "model" character(6) NOT NULL, "orgao" character varying(20) NOT NULL, "holder_ni" character varying(14) NOT NULL, "situation" character varying(40) NOT NULL, "links" jsonb NOT NULL, "rectification_pending" boolean NOT NULL DEFAULT false, "extension_pending" boolean NOT NULL DEFAULT false, "valid_from" date, "valid_until" date, "data" jsonb NOT NULL, "history" jsonb NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_016b60a8a7b5911ca950fb04870" PRIMARY KEY ("number"))`);
    await queryRunner.query(`CREATE INDEX "lpco_by_holder" ON "lpco"  ("holder_ni") `);
    await queryRunner.query(`CREATE TABLE "sefaz_document" ("id" BIGSERIAL NOT NULL, "operation_type" character varying(5) NOT NULL, "operation_number" character varying(255) NOT NULL, "document_type_id" integer NOT NULL, "file_name" character varying(255) NOT NULL, "sha256" character(64) NOT NULL, "access_type" smallint NOT NULL, "ufs" text array NOT NULL, "data" jsonb NOT NULL, "attached_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a31c629bc2848803fad6c28f302" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sefaz_document_by_operation" ON "sefaz_document"  ("operation_type", "operation_number") `);
    await queryRunner.query(`ALTER TABLE "duimp_event" ADD CONSTRAINT "FK_520dc19faa301e90bcf1ab42df6" FOREIGN KEY ("number") REFERENCES "duimp"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "duimp_version" ADD CONSTRAINT "FK_b04741e8b5edb2eef5c8508096b" FOREIGN KEY ("number") REFERENCES "duimp"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "icms_request" ADD CONSTRAINT "FK_ee70c73625bcb934cca6e9e4b3b" FOREIGN KEY ("duimp_number") REFERENCES "duimp"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['duimp_event', 'duimp_version', 'icms_request', 'duimp', 'sefaz_document', 'lpco']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
  }
}
