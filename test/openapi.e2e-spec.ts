import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRequest } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';

/** SPEC §11: the OpenAPI of the admin and portal APIs at /docs, with request bodies from the DTOs' validation rules. */
describe('OpenAPI at /docs', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
  });
  afterAll(() => sim?.stop());

  const adminGet = (path: string) => fetch(`${sim.adminUrl}${path}`);
  /** The docs need neither a token nor a client certificate. */
  const portalGet = (path: string) => portalRequest(sim, { path });
  const bodySchema = (document: any, path: string, method: string) => {
    const ref: string = document.paths[path][method].requestBody.content['application/json'].schema.$ref;
    return document.components.schemas[ref.replace('#/components/schemas/', '')];
  };

  it('admin: OpenAPI 3 with the bearer scheme, the scenario routes and their body schemas, without a token', async () => {
    const response = await adminGet('/docs-json');
    expect(response.status).toBe(200);
    const document: any = await response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toContain('admin');
    expect(Object.values(document.components.securitySchemes)).toContainEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(document.paths).toHaveProperty(['/admin/eventos', 'post']);
    expect(document.paths).toHaveProperty(['/admin/duimps', 'post']);
    // Public routes need no scheme.
    expect(document.paths['/health'].get.security).toEqual([{}]);

    const evento = bodySchema(document, '/admin/eventos', 'post');
    expect(Object.keys(evento.properties)).toEqual(expect.arrayContaining(['evento', 'destinatarios', 'payload']));
    expect(evento.required).toEqual(expect.arrayContaining(['evento', 'destinatarios']));
    // Nested DTOs are components too.
    const destinatario = document.components.schemas[evento.properties.destinatarios.items.$ref.split('/').pop()];
    expect(destinatario.properties.tipo.enum).toEqual(['UF', 'ORGAO', 'NI']);
  });

  it('portal: webhook, PCCE and Duimp routes, the token and CSRF headers, over HTTPS without a client certificate', async () => {
    const response = await portalGet('/docs-json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toContain('portal');
    expect(document.info.description).toContain('JWTPCMX_USR');
    expect(document.components.securitySchemes).toMatchObject({
      Authorization: { type: 'apiKey', in: 'header', name: 'Authorization' },
      'X-CSRF-Token': { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    expect(document.security).toEqual([{ Authorization: [], 'X-CSRF-Token': [] }]);
    expect(document.paths['/portal/api/autenticar/sistema'].post.security).toEqual([{}]);
    for (const path of ['/portal/api/ext/webhook', '/pcce/api/ext/sefaz/icms', '/pcce/api/ext/sefaz/icms/credito', '/duimp-api/api/ext/sefaz/duimp/{numero}']) {
      expect(document.paths).toHaveProperty([path]);
    }

    const webhook = bodySchema(document, '/portal/api/ext/webhook', 'post');
    expect(Object.keys(webhook.properties)).toEqual(expect.arrayContaining(['evento', 'endpoint', 'chaveSecreta']));
    expect(webhook.required).toEqual(['evento', 'endpoint']);
    // Fields inherited from the shared declaration DTO and the portal's money format are there.
    const credito = bodySchema(document, '/pcce/api/ext/sefaz/icms/credito', 'post');
    expect(credito.required).toEqual(expect.arrayContaining(['numeroDeclaracao', 'dataConfirmacaoCredito', 'valorTotalCredito']));
    expect(credito.properties.valorTotalCredito).toMatchObject({ type: 'number', minimum: 0 });
  });

  it('serves Swagger UI on both', async () => {
    const admin = await adminGet('/docs');
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toContain('text/html');
    expect(await admin.text()).toContain('swagger-ui');
    const portal = await portalGet('/docs');
    expect(portal.status).toBe(200);
    expect(portal.headers['content-type']).toContain('text/html');
  });
});
