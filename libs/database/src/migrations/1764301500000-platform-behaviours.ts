import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Access keys, access-limit counters and the platform switches (maintenance window, limits). */
export class PlatformBehaviours1764301500000 implements MigrationInterface {
  name = 'PlatformBehaviours1764301500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "access_counter" ("interveniente_id" uuid NOT NULL, "funcao" character varying(40) NOT NULL, "day" date NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, "offences" integer NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bc3c94e08c95e9527789cfac0cd" PRIMARY KEY ("interveniente_id", "funcao"))`);
    await queryRunner.query(`CREATE TABLE "access_key" ("client_id" character varying(64) NOT NULL, "secret_sha256" character(64) NOT NULL, "interveniente_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25568a9f51f8cc0d1f01b11967a" PRIMARY KEY ("client_id"))`);
    await queryRunner.query(`CREATE TABLE "platform_setting" ("id" smallint NOT NULL, "access_limits_enabled" boolean, "access_limits" jsonb NOT NULL DEFAULT '{}', "maintenance_daily" boolean, "maintenance_open_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_27bac262fcafc81f561ff0f1696" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "access_key" ADD CONSTRAINT "FK_322dd4ad79ab6b73228d520e7f8" FOREIGN KEY ("interveniente_id") REFERENCES "interveniente"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The one settings row: every column null, so the environment decides until the admin API says otherwise.
    await queryRunner.query(`INSERT INTO "platform_setting" ("id") VALUES (1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "access_key" DROP CONSTRAINT "FK_322dd4ad79ab6b73228d520e7f8"`);
    await queryRunner.query(`DROP TABLE "platform_setting"`);
    await queryRunner.query(`DROP TABLE "access_key"`);
    await queryRunner.query(`DROP TABLE "access_counter"`);
  }
}
