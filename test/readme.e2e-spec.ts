import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited } from './support/processes.js';
import { pollUntil } from './support/poll.js';
import { busyPorts, readmeBlocks, receiverLines, ShellSession } from './support/readme.js';
import { adminCall } from './support/simulator.js';
import { TEST_ENV } from './support/test-env.js';

/**
 * The README's walkthroughs, run as written: the single-process simulator from dist/ on the README's
 * ports, and each marked block typed into one bash session in a scratch folder, as a new user would.
 */
const README = readFileSync('README.md', 'utf8');
const BLOCKS = readmeBlocks(README);
// The token the README starts the simulator with, so the blocks' AUTH header matches it.
const ADMIN_TOKEN = /ADMIN_TOKEN=(\S+) npm start/.exec(README)?.[1] ?? '';
const ADMIN = 'http://127.0.0.1:8080';
const STANDALONE = 'dist/apps/standalone/src/main.js';
// The admin and portal ports the README uses, and the demo receiver's.
const BUSY = await busyPorts([8080, 8443, 9443]);
if (BUSY.length > 0) console.warn(`readme.e2e-spec: skipped, port(s) ${BUSY.join(', ')} already in use on 127.0.0.1`);

const block = (name: string) => {
  const script = BLOCKS.get(name);
  if (!script) throw new Error(`README has no block marked <!-- readme-test: ${name} -->`);
  return script;
};

describe.skipIf(BUSY.length > 0)('README walkthroughs, run as written', () => {
  let simulator: ChildProcess;
  let shell: ShellSession;
  let scratch: string | undefined;

  const admin = (method: string, path: string, body?: unknown) => adminCall(ADMIN, ADMIN_TOKEN, method, path, body);

  beforeAll(async () => {
    expect(ADMIN_TOKEN.length).toBeGreaterThanOrEqual(16);
    if (!existsSync(STANDALONE)) throw new Error(`${STANDALONE} is missing: run \`npm run build\` first`);
    simulator = spawn(process.execPath, [STANDALONE], {
      env: { ...process.env, ...TEST_ENV, ADMIN_TOKEN, ADMIN_PORT: '8080', PORTAL_PORT: '8443', WORKER_PORT: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await pollUntil(
      async () => {
        if (simulator.exitCode !== null) throw new Error(`the simulator exited with ${simulator.exitCode}`);
        return fetch(`${ADMIN}/health`).then((response) => response.status, () => 0);
      },
      (status) => status === 200,
      { timeoutMs: 45_000, intervalMs: 100, what: 'the simulator on port 8080' },
    );
    // Other suites share the database: start from no subscriptions, as a new user's simulator would.
    expect((await admin('POST', '/admin/reset?assinaturas=true')).status).toBeLessThan(300);
    shell = new ShellSession(process.cwd());
  });

  afterAll(async () => {
    await shell?.close(scratch);
    if (simulator && simulator.exitCode === null) {
      simulator.kill('SIGTERM');
      await exited(simulator);
    }
  });

  it('every marked block is fenced as sh and named once', () => {
    expect([...BLOCKS.keys()]).toEqual([
      'first-notification',
      'authenticating',
      'webhook-subscriptions',
      'webhook-xml',
      'sefaz-api',
      'anexacao',
      'sefaz-api-xml',
      'private-party',
    ]);
  });

  it('From nothing to a received notification: ENTREGUE after 500, 500, 200, the secret arriving, a valid receipt chain', async () => {
    const { output } = await shell.run(block('first-notification'));
    scratch = await shell.variable('PWD');
    expect(scratch).not.toBe(process.cwd());
    expect(output).toMatch(/"concluido":true/);
    expect(output).toMatch(/"situacao":"ENTREGUE"/);
    expect(output).toMatch(/"tentativas":3/);
    expect(output).toMatch(/\{"valida":true,"recibos":\d+\}/);
    const lines = await pollUntil(
      async () => receiverLines(shell.transcript),
      (found) => found.length >= 3,
      { what: 'the demo receiver printing three requests' },
    );
    expect(lines.map((line) => line.answered)).toEqual([500, 500, 200]);
    for (const line of lines) {
      expect(line).toMatchObject({ 'event-type': 'dimp-registro', 'destinatario-id': 'SP', secret: 's3gredo' });
    }
    // The files land in the scratch folder, not in the clone.
    expect(existsSync(`${scratch}/server-cert.json`)).toBe(true);
    expect(existsSync('server-cert.json')).toBe(false);
  });

  it('Authenticating: the login answers 200 with a session, the revoked certificate is refused with PLAT-ER2001', async () => {
    const { output } = await shell.run(block('authenticating'));
    expect(output).toMatch(/^HTTP\/[\d.]+ 200/m);
    expect(await shell.variable('TOKEN')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await shell.variable('CSRF')).not.toBe('');
    expect(output).toMatch(/"ni":"99246982000163"/);
    expect(output).toMatch(/"code":"PLAT-ER2001"[^}]*revogado|revogado[^}]*"code":"PLAT-ER2001"/);
    expect(output).not.toContain('PLAT-ER2033');
  });

  it('Webhook subscriptions: the first walkthrough’s subscription is listed, http:// is refused, XML subscribes', async () => {
    const json = await shell.run(block('webhook-subscriptions'));
    expect(json.output).toMatch(/"evento":"dimp-registro"/);
    expect(json.output).not.toContain('s3gredo');
    expect(json.output).toMatch(/"code":"ENDPOINT_NAO_HTTPS"/);
    const xml = await shell.run(block('webhook-xml'));
    expect(xml.output).toMatch(/<assinatura>[\s\S]*<evento>dimp-retificacao<\/evento>[\s\S]*<\/assinatura>/);
  });

  it('The Sefaz API: the Duimp read, the ICMS calculated and paid, /eventos [] until the Duimp is cleared', async () => {
    const { output } = await shell.run(block('sefaz-api'));
    const numero = await shell.variable('NUMERO');
    expect(numero).toMatch(/^\d{2}BR\d{11}$/);
    expect(output).toContain(`"numero":"${numero}"`);
    // The calculation and the credit (curl's -w status follows the previous answer on its line).
    expect(output.match(/(?:^|\})201$/gm)).toHaveLength(2);
    expect(output).toMatch(/^1$/m);
    expect(output).toMatch(/"codigo":"?32"?,"descricao":"ICMS declarado"/);
    // The first /eventos answer is followed by the desembaraço's, then the second /eventos answer.
    expect(output).toMatch(/\[\]\{"duimp":\{[\s\S]*\[\{[^\n]*"evento":"DESEMBARACO_/);
    const lines = await pollUntil(
      async () => receiverLines(shell.transcript),
      (found) => found.some((line) => line['event-type'] === 'pcce-calculo-icms'),
      { what: 'the demo receiver printing pcce-calculo-icms' },
    );
    expect(lines.some((line) => line['event-type'] === 'dimp-registro' && line.body?.numero === numero)).toBe(true);
  });

  it('Anexação: the downloaded document is the one the list shows (same sha256)', async () => {
    const { output } = await shell.run(block('anexacao'));
    const hash = /^([0-9a-f]{64}) {2}\S+\.pdf$/m.exec(output)?.[1];
    expect(hash).toBeDefined();
    expect(output.split(hash!).length).toBeGreaterThan(2);
  });

  it('The Sefaz API in XML: a new Duimp, its calculation and credit as documents, the history as XML', async () => {
    const before = await shell.variable('NUMERO');
    const { output } = await shell.run(block('sefaz-api-xml'));
    const numero = await shell.variable('NUMERO');
    expect(numero).not.toBe(before);
    expect(output.match(/(?:^|\})201$/gm)).toHaveLength(2);
    expect(output).toMatch(/<\?xml[\s\S]*<historico>[\s\S]*<codigo>32<\/codigo><descricao>ICMS declarado<\/descricao>/);
  });

  it('Private importers/exporters: the Role-Type login answers 200 and its DU-E subscription receives the event', async () => {
    const { output } = await shell.run(block('private-party'));
    expect(output).toMatch(/^HTTP\/[\d.]+ 200/m);
    expect(output).toMatch(/"evento":"duex-historico"/);
    expect(output).toMatch(/"concluido":true[\s\S]*"situacao":"ENTREGUE"/);
    const lines = await pollUntil(
      async () => receiverLines(shell.transcript),
      (found) => found.some((line) => line['event-type'] === 'duex-historico'),
      { what: 'the demo receiver printing duex-historico' },
    );
    expect(lines.find((line) => line['event-type'] === 'duex-historico')).toMatchObject({ 'destinatario-id': '74573249842' });
  });
});
