import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764300000000 implements MigrationInterface {
  name = 'Initial1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "delivery_attempt" ("id" BIGSERIAL NOT NULL, "notification_id" uuid NOT NULL, "number" smallint NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "endpoint" character varying(500) NOT NULL, "source_address" character varying(45), "http_status" smallint, "cause" character varying(80) NOT NULL, "detail" text, "response_body" text, CONSTRAINT "PK_a43b0e18756fc86d042eeef093b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "delivery_attempt_by_notification" ON "delivery_attempt"  ("notification_id", "number") `);
    await queryRunner.query(`CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evento" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "recipients" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "interveniente" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ni" character varying(14) NOT NULL, "name" character varying(150) NOT NULL, "tipo" character varying(10) NOT NULL, "uf" character(2), "orgao" character varying(20), "system_code" character varying(40), "role_types" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_49ee5f4756131bc051388060d75" UNIQUE ("ni"), CONSTRAINT "UQ_e6e32a9f38a99df797c73912b9c" UNIQUE ("system_code"), CONSTRAINT "PK_7c6dce1ad7359ca92a531228d98" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "subscription" ("id" SERIAL NOT NULL, "interveniente_id" uuid NOT NULL, "evento" character varying(40) NOT NULL, "endpoint" character varying(500) NOT NULL, "secret" character varying(200), "active" boolean NOT NULL DEFAULT true, "failing_since" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c3e00ebd02103caa1174cd5d9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subscription_by_evento" ON "subscription"  ("evento") WHERE active`);
    await queryRunner.query(`CREATE UNIQUE INDEX "subscription_one_active_per_evento" ON "subscription"  ("interveniente_id", "evento") WHERE active`);
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "subscription_id" integer NOT NULL, "evento" character varying(40) NOT NULL, "recipient_type" character varying(5) NOT NULL, "recipient_id" character varying(20) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'PENDENTE', "attempts" smallint NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "enqueued_at" TIMESTAMP WITH TIME ZONE, "last_cause" character varying(80), "completed_at" TIMESTAMP WITH TIME ZONE, "resend_of" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_by_subscription" ON "notification"  ("subscription_id", "status") `);
    await queryRunner.query(`CREATE INDEX "notification_by_event" ON "notification"  ("event_id") `);
    await queryRunner.query(`CREATE INDEX "notification_due" ON "notification"  ("next_attempt_at") WHERE status = 'PENDENTE'`);
    await queryRunner.query(`CREATE TABLE "pki_authority" ("id" smallint NOT NULL, "root_cert_pem" text NOT NULL, "root_key_pem" text NOT NULL, "intermediate_cert_pem" text NOT NULL, "intermediate_key_pem" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07cb72bdbd2b9a96827bf28de42" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "receipt" ("seq" BIGSERIAL NOT NULL, "notification_id" uuid NOT NULL, "attempt_id" bigint NOT NULL, "evento" character varying(40) NOT NULL, "endpoint" character varying(500) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload_sha256" character(64) NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_481fdd2ed7221ff074248d11b93" UNIQUE ("notification_id"), CONSTRAINT "PK_40314dc14867760bb2fb64784db" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE TABLE "sim_clock" ("id" smallint NOT NULL, "offset_ms" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_5d941bac5905a115fe194b02886" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "subscription" ADD CONSTRAINT "FK_e4c4ea48f889b7bcfcd641e9c5d" FOREIGN KEY ("interveniente_id") REFERENCES "interveniente"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_122be1f0696e0255acf95f9e336" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_d5c0b2efb91da0d584fddab9542" FOREIGN KEY ("subscription_id") REFERENCES "subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Receipts are the seed's "recibo registrado em logs físicos": never edited, never deleted one by one.
    await queryRunner.query(`CREATE FUNCTION receipt_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'receipts are immutable'; END $$`);
    await queryRunner.query(`CREATE TRIGGER receipt_immutable BEFORE UPDATE OR DELETE ON "receipt" FOR EACH ROW EXECUTE FUNCTION receipt_immutable()`);
    await queryRunner.query(`INSERT INTO "sim_clock" ("id", "offset_ms") VALUES (1, 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification', 'subscription', 'receipt', 'delivery_attempt', 'event', 'interveniente', 'sim_clock', 'pki_authority']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS receipt_immutable()`);
  }
}
