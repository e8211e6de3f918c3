import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seededIntervenientes } from '../seeds/authorization-base.js';

export class PortalAuth1764300100000 implements MigrationInterface {
  name = 'PortalAuth1764300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "issued_certificate" ("serial_number" character varying(64) NOT NULL, "tipo" character varying(12) NOT NULL, "nivel" character varying(2), "common_name" character varying(300) NOT NULL, "cnpj" character varying(14), "cpf" character varying(11), "defects" text array NOT NULL DEFAULT '{}', "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" character varying(30), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9beb01b9030f2a596a13868c391" PRIMARY KEY ("serial_number"))`);
    await queryRunner.query(`CREATE TABLE "portal_login" ("credential" character varying(120) NOT NULL, "authenticated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e3cf97151e8d83a88830cac4bd6" PRIMARY KEY ("credential"))`);
    await queryRunner.query(`CREATE TABLE "portal_secret" ("name" character varying(40) NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_7b51ce7e343c7d97e43825c889d" PRIMARY KEY ("name"))`);
    // The authorization base at first boot: 27 Sefaz and the órgãos anuentes (editable through the admin API).
    for (const party of seededIntervenientes()) {
      await queryRunner.query(
        `INSERT INTO "interveniente" ("ni", "name", "tipo", "uf", "orgao", "system_code") VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [party.ni, party.name, party.tipo, party.uf, party.orgao, party.systemCode],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "interveniente" WHERE "ni" = ANY($1)`, [seededIntervenientes().map((party) => party.ni)]);
    await queryRunner.query(`DROP TABLE "portal_secret"`);
    await queryRunner.query(`DROP TABLE "portal_login"`);
    await queryRunner.query(`DROP TABLE "issued_certificate"`);
  }
}
