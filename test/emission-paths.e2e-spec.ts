import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAll } from './support/fixtures.js';
import { type Simulator, startSimulator } from './support/simulator.js';
import { TEST_ENV } from './support/test-env.js';

/**
 * `POST /admin/eventos` in JSON takes a lean path past Nest's router (emission-fast-path.middleware.ts); the
 * same request as XML takes the full pipeline. Whatever the path, the answer must be the same.
 */
describe('admin event emission: the lean JSON path answers as the full pipeline does', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    await resetAll(sim);
  });
  afterAll(() => sim?.stop());

  const post = async (contentType: string, body: string) => {
    const response = await fetch(`${sim.adminUrl}/admin/eventos`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'Content-Type': contentType, Accept: 'application/json' },
      body,
    });
    const { tag: _tag, ...rest } = (await response.json()) as Record<string, unknown>;
    return { status: response.status, contentType: response.headers.get('content-type'), body: rest };
  };
  const asJson = (body: object) => post('application/json', JSON.stringify(body));
  const asXml = (fields: string) => post('application/xml', `<evento>${fields}</evento>`);

  it('emits the same event with the same answer', async () => {
    const lean = await asJson({ evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }], seed: 7 });
    const full = await asXml('<evento>dimp-registro</evento><destinatarios><tipo>UF</tipo><id>SP</id></destinatarios><seed>7</seed>');
    expect(lean.status).toBe(201);
    expect(full.status).toBe(201);
    expect(lean.contentType).toBe(full.contentType);
    expect(Object.keys(lean.body).sort()).toEqual(Object.keys(full.body).sort());
    expect(lean.body.evento).toBe(full.body.evento);
    expect(Object.keys(lean.body.payload as object).sort()).toEqual(Object.keys(full.body.payload as object).sort());
    const [{ count }] = await sim.dataSource.query(`SELECT count(*)::int AS count FROM event WHERE id = ANY($1::uuid[])`, [[lean.body.id, full.body.id]]);
    expect(count).toBe(2);
  });

  it('refuses the same bad requests with the same error body', async () => {
    const cases: Array<[object, string]> = [
      [{ evento: 'nao-existe', destinatarios: [{ tipo: 'UF', id: 'SP' }] }, '<evento>nao-existe</evento><destinatarios><tipo>UF</tipo><id>SP</id></destinatarios>'],
      [{ evento: 'dimp-registro', destinatarios: [{ tipo: 'XX', id: 'SP' }] }, '<evento>dimp-registro</evento><destinatarios><tipo>XX</tipo><id>SP</id></destinatarios>'],
      [{ evento: 'dimp-registro', destinatarios: [{ tipo: 'ORGAO', id: 'ANVISA' }] }, '<evento>dimp-registro</evento><destinatarios><tipo>ORGAO</tipo><id>ANVISA</id></destinatarios>'],
      [{ evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }], extra: '1' }, '<evento>dimp-registro</evento><destinatarios><tipo>UF</tipo><id>SP</id></destinatarios><extra>1</extra>'],
      [{ evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }], seed: -1 }, '<evento>dimp-registro</evento><destinatarios><tipo>UF</tipo><id>SP</id></destinatarios><seed>-1</seed>'],
    ];
    for (const [json, xml] of cases) {
      const lean = await asJson(json);
      const full = await asXml(xml);
      expect(lean.status).toBeGreaterThanOrEqual(400);
      expect(lean.status).toBeLessThan(500);
      expect(lean).toEqual(full);
    }
  });

  it('takes no emission posted to a path below the route', async () => {
    const response = await fetch(`${sim.adminUrl}/admin/eventos/catalogo`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }] }),
    });
    expect(response.status).toBe(404);
  });

  it('leaves a request without the admin token to the guard', async () => {
    const response = await fetch(`${sim.adminUrl}/admin/eventos`, {
      method: 'POST',
      headers: { Authorization: 'Bearer not-the-token-0123456789', 'Content-Type': 'application/json' },
      body: JSON.stringify({ evento: 'dimp-registro', destinatarios: [{ tipo: 'UF', id: 'SP' }] }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'SIM-ADMIN-401' });
  });
});
