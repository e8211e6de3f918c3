import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEEDED_PRIVADOS } from '../seeds/authorization-base.js';

/** Seeds the private importers/exporters (e-CPF and e-CNPJ) into the authorization base; no schema change. */
export class PrivateParties1764301300000 implements MigrationInterface {
  name = 'PrivateParties1764301300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const party of SEEDED_PRIVADOS) {
      await queryRunner.query(
        `INSERT INTO "interveniente" ("ni", "name", "tipo", "role_types") VALUES ($1, $2, 'PRIVADO', $3) ON CONFLICT DO NOTHING`,
        [party.ni, party.name, party.roleTypes],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "interveniente" WHERE "ni" = ANY($1)`, [SEEDED_PRIVADOS.map((party) => party.ni)]);
  }
}
