import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginSistema, type PortalSession } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';
import { TEST_ENV } from './support/test-env.js';

/** One hostile request: what is sent and how. */
interface Case {
  name: string;
  path: string;
  body?: string;
  contentType?: string;
}

interface Outcome {
  route: string;
  name: string;
  status: number;
  portalBody: boolean;
}

type Schema = { type?: string; format?: string; properties?: Record<string, Schema>; $ref?: string; items?: Schema };
type Operation = { parameters?: Array<{ name: string; in: string; schema?: Schema }>; requestBody?: { content: Record<string, { schema: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const JSON_TYPE = 'application/json';
const XML_TYPE = 'application/xml';

/** Every form of a private, loopback or metadata address an endpoint may hide behind (SPEC §10). */
const HIDDEN_PRIVATE_ENDPOINTS = [
  'https://[::ffff:127.0.0.1]/x',
  'https://[::ffff:7f00:1]/x',
  'https://[::ffff:a9fe:a9fe]/x',
  'https://[0:0:0:0:0:ffff:10.0.0.1]/x',
  'https://[64:ff9b::7f00:1]/x',
  'https://[64:ff9b::a9fe:a9fe]/x',
  'https://[2002:7f00:1::]/x',
  'https://[::127.0.0.1]/x',
  'https://[::1]/x',
  'https://[fe80::1]/x',
  'https://[fd00:ec2::254]/x',
  'https://0x7f000001/x',
  'https://2130706433/x',
  'https://127.1/x',
  'https://0177.0.0.1/x',
  'https://%31%32%37.0.0.1/x',
  'https://169.254.169.254/latest/meta-data',
  'https://100.64.0.1/x',
  'https://0.0.0.0/x',
  'https://localhost/x',
];

const HOSTILE_IDS = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  "1'%20OR%20'1'%3D'1",
  '1%3BDROP%20TABLE%20subscription--',
  '%00',
  '%E0%A4%A',
  '-1',
  '99999999999999999999999',
  'x'.repeat(400),
  '%0d%0aX-Injected:%201',
];

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A value of the wrong JSON type for `schema`. */
function wrongType(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return { $gt: '' };
    case 'number':
    case 'integer':
      return '1; DROP TABLE event';
    case 'boolean':
      return 'talvez';
    case 'array':
      return { length: 1 };
    default:
      return schema.$ref ? 'not-an-object' : [[]];
  }
}

function bodyCases(schema: Schema): Array<Omit<Case, 'path'>> {
  const fields = Object.entries(schema.properties ?? {});
  const json = (name: string, value: unknown) => ({ name, body: JSON.stringify(value), contentType: JSON_TYPE });
  const cases: Array<Omit<Case, 'path'>> = [
    { name: 'malformed JSON', body: '{"evento": "dimp-registro",', contentType: JSON_TYPE },
    { name: 'truncated JSON', body: '{"a":[1,2,{"b":"', contentType: JSON_TYPE },
    { name: 'JSON not an object', body: '"texto"', contentType: JSON_TYPE },
    json('unknown field', { campoDesconhecido: 1, __proto__x: { admin: true } }),
    { name: 'prototype pollution', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', contentType: JSON_TYPE },
    { name: 'deep JSON (5,000)', body: nested(5_000), contentType: JSON_TYPE },
    { name: 'huge body (2 MiB)', body: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }), contentType: JSON_TYPE },
    { name: 'malformed XML', body: '<req><a>1</b></req>', contentType: XML_TYPE },
    { name: 'truncated XML', body: '<req><evento>dimp', contentType: XML_TYPE },
    {
      name: 'XML entities (billion laughs)',
      body: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><r><x>&b;</x></r>',
      contentType: XML_TYPE,
    },
    { name: 'XML external entity', body: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><x>&x;</x></r>', contentType: XML_TYPE },
    { name: 'deep XML (150)', body: `<r>${'<a>'.repeat(150)}1${'</a>'.repeat(150)}</r>`, contentType: XML_TYPE },
  ];
  if (fields.length > 0) cases.push(json('every field the wrong type', Object.fromEntries(fields.map(([field, spec]) => [field, wrongType(spec)]))));
  for (const [field] of fields.filter(([field]) => field === 'endpoint' || field === 'chaveSecreta')) {
    cases.push(json(`control characters in ${field}`, { evento: 'dimp-registro', endpoint: 'https://200.152.32.10/x', [field]: 'https://200.152.32.10/x\r\nX-Injected: 1' }));
  }
  if (fields.some(([field]) => field === 'endpoint')) {
    for (const endpoint of HIDDEN_PRIVATE_ENDPOINTS) cases.push(json(`private address ${endpoint}`, { evento: 'dimp-registro', endpoint }));
  }
  return cases;
}

/** Values no declared query parameter of that type accepts, as `name=value` pairs. */
function queryCases(operation: Operation): Array<{ name: string; query: string }> {
  return (operation.parameters ?? [])
    .filter((parameter) => parameter.in === 'query')
    .flatMap(({ name, schema }) => {
      const values =
        schema?.type === 'integer' || schema?.type === 'number'
          ? ['abc', '1e309', '-99999999999999999999']
          : schema?.type === 'boolean'
            ? ['talvez']
            : schema?.format === 'date-time'
              ? ['ontem']
              : [];
      return values.map((value) => ({ name: `query ${name}=${value}`, query: `${name}=${encodeURIComponent(value)}` }));
    });
}

/** The cases for one operation: hostile ids in its path, hostile bodies, hostile query values. */
function casesFor(document: OpenApi, path: string, operation: Operation, idOf: (parameter: string) => string): Case[] {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => idOf(name));
  const cases: Case[] = params.flatMap((param) => HOSTILE_IDS.map((id) => ({ name: `${param}=${id.slice(0, 40)}`, path: path.replace(`{${param}}`, id).replace(/\{(\w+)\}/g, (_, name: string) => idOf(name)) })));
  const ref = operation.requestBody?.content[JSON_TYPE]?.schema.$ref;
  if (operation.requestBody) {
    const schema = ref ? document.components.schemas[ref.split('/').pop()!] : (operation.requestBody.content[JSON_TYPE]?.schema ?? {});
    cases.push(...bodyCases(schema).map((entry) => ({ ...entry, path: concrete })));
  }
  cases.push(...queryCases(operation).map(({ name, query }) => ({ name, path: `${concrete}?${query}` })));
  return cases;
}

/** Rows per table: nothing a refused request does may change them. */
async function snapshot(sim: Simulator): Promise<Record<string, number>> {
  // Access counters are the one ledger a refused call may move: the portal counts accesses to a limited
  // function whatever their input (the quota stops abusive pollers), so they are not business state.
  const tables: Array<{ table_name: string }> = await sim.dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'access_counter') ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) counts[table_name] = Number((await sim.dataSource.query(`SELECT count(*) AS n FROM "${table_name}"`))[0].n);
  const [clock] = await sim.dataSource.query('SELECT offset_ms FROM sim_clock WHERE id = 1');
  counts['sim_clock.offset_ms'] = Number(clock?.offset_ms ?? 0);
  return counts;
}

/** The portal's error body, `{status, message, tag, code}` or `{message, errors[]}`, in JSON or XML. */
function isPortalBody(text: string, contentType: string): boolean {
  if (contentType.includes('xml')) return /<erro>[\s\S]*<message>/.test(text);
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return typeof body.message === 'string' && ((typeof body.code === 'string' && typeof body.status === 'number') || Array.isArray(body.errors));
  } catch {
    return false;
  }
}

/** Routes a hostile request must not reach: reset empties the database by design (it is its whole job). */
const SKIPPED = new Set(['POST /admin/reset']);

/**
 * Hostile input over every admin and portal route the OpenAPI documents (SPEC §10): each case a 4xx with
 * the portal's body, never a 5xx, the database unchanged. Prints the cases per route.
 */
describe('hostile input', () => {
  let sim: Simulator;
  let sp: PortalSession;
  let subscriptionId: number;
  beforeAll(async () => {
    // The portal profile, so hidden private addresses are judged; no worker, nothing is ever sent.
    sim = await startSimulator({ ENDPOINT_POLICY: 'portal', LOG_LEVEL: 'silent' }, { withWorker: false });
    await sim.admin('POST', '/admin/reset?assinaturas=true');
    sp = await loginSistema(sim, { uf: 'SP' });
    const created = await sp.call('POST', '/portal/api/ext/webhook', { evento: 'dimp-registro', endpoint: 'https://200.152.32.10/hook' });
    if (created.status !== 200) throw new Error(`subscription: ${created.text}`);
    subscriptionId = created.body.id;
  });
  afterAll(() => sim?.stop());

  const docs = async (audience: 'admin' | 'portal'): Promise<OpenApi> =>
    audience === 'admin' ? ((await (await fetch(`${sim.adminUrl}/docs-json`)).json()) as OpenApi) : ((await sp.call('GET', '/docs-json')).body as OpenApi);

  it('answers every case on every admin and portal route with a 4xx and the portal body, changing nothing', { timeout: 600_000 }, async () => {
    const before = await snapshot(sim);
    const outcomes: Outcome[] = [];
    const idOf = (name: string) => (name === 'id' ? String(subscriptionId) : '1');
    for (const audience of ['admin', 'portal'] as const) {
      const document = await docs(audience);
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const route = `${method.toUpperCase()} ${path}`;
          if (SKIPPED.has(route)) continue;
          for (const hostile of casesFor(document, path, operation, idOf)) {
            const headers: Record<string, string> = hostile.contentType ? { 'Content-Type': hostile.contentType } : {};
            let status: number;
            let text: string;
            let contentType: string;
            if (audience === 'admin') {
              const response = await fetch(`${sim.adminUrl}${hostile.path}`, {
                method: method.toUpperCase(),
                headers: { Authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, ...headers },
                body: hostile.body,
              });
              status = response.status;
              contentType = response.headers.get('content-type') ?? '';
              text = await response.text();
            } else {
              const response = await sp.call(method.toUpperCase(), hostile.path, hostile.body, headers);
              status = response.status;
              contentType = String(response.headers['content-type'] ?? '');
              text = response.text;
            }
            outcomes.push({ route, name: hostile.name, status, portalBody: isPortalBody(text, contentType) });
          }
        }
      }
    }

    const byRoute = new Map<string, Outcome[]>();
    for (const outcome of outcomes) byRoute.set(outcome.route, [...(byRoute.get(outcome.route) ?? []), outcome]);
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500);
    const lines = [...byRoute].map(([route, list]) => `  ${route}: ${list.length} cases, ${list.filter((o) => o.status >= 500).length} server errors`);
    console.log(`hostile input: ${outcomes.length} cases over ${byRoute.size} routes, ${serverErrors.length} server errors\n${lines.join('\n')}`);

    expect(serverErrors).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status < 400 || outcome.status >= 500)).toEqual([]);
    expect(outcomes.filter((outcome) => !outcome.portalBody)).toEqual([]);
    expect(await snapshot(sim)).toEqual(before);
  });
});
