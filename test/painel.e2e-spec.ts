import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, waitForText } from './support/browser.js';
import { resetAll } from './support/fixtures.js';
import { type Receiver, startReceiver } from './support/receiver.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const FAILURE_SCREENSHOTS = 'test-results';
/** Set to a folder (e.g. `docs`) to save the README's screenshots there. */
const DOC_SCREENSHOTS = process.env.PAINEL_SCREENSHOTS;
const SECRET = 'segredo-da-sefaz';

describe('browser dashboard at /painel (issue 18)', () => {
  let sim: Simulator;
  let browser: Browser;
  let hook: Receiver;
  let page: Page;

  beforeAll(async () => {
    sim = await startSimulator();
    await resetAll(sim);
    hook = await startReceiver(sim.authority.caBundle(), [{ status: 500, body: 'indisponível' }, { status: 500, body: 'indisponível' }, { status: 200, body: 'recebido' }]);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await hook?.close();
    await sim?.stop();
  });

  it('logs in, subscribes, registers a Duimp and watches 500, 500, 200 turn ENTREGUE live', async ({ onTestFailed, task }) => {
    onTestFailed(async () => {
      await mkdir(FAILURE_SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(FAILURE_SCREENSHOTS, `painel-${task.id}.png`), fullPage: true });
    });

    await page.goto(`${sim.adminUrl}/painel`);
    await page.fill('input[name=token]', 'token-errado');
    await page.click('button[type=submit]');
    await waitForText(page.getByRole('alert'), /Token de administração inválido/, 'the refusal of a wrong token');
    await page.fill('input[name=token]', sim.env.ADMIN_TOKEN);
    await page.click('button[type=submit]');
    await waitForText(page.getByTestId('ao-vivo'), /ao vivo/, 'the live stream');
    // The situação filter lists the states the server owns (from the page shell, not a copy in the front end).
    expect(await page.locator('select[name=situacao] option').allTextContents()).toEqual(expect.arrayContaining(['PENDENTE', 'ENTREGUE', 'FALHA', 'CANCELADA']));

    // Subscribe the seeded Sefaz of SP from the page.
    await page.getByRole('button', { name: 'Assinaturas e intervenientes' }).click();
    const sefazSp = page.locator('select[name=intervenienteId] option', { hasText: /^SEFAZ SP / }).first();
    await waitForText(sefazSp, /SEFAZ SP/, 'the seeded Sefaz of SP');
    await page.selectOption('select[name=intervenienteId]', (await sefazSp.getAttribute('value'))!);
    await page.selectOption('select[name=evento]', 'dimp-registro');
    await page.fill('input[name=endpoint]', hook.url);
    await page.fill('input[name=chaveSecreta]', SECRET);
    await page.getByTestId('nova-assinatura').getByRole('button', { name: 'Assinar' }).click();
    await waitForText(page.getByRole('status'), /Assinatura \d+ criada/, 'the new subscription');

    // Register a Duimp for an importer and a clearance in SP.
    await page.getByRole('button', { name: 'Cenários e relógio' }).click();
    await page.getByRole('button', { name: 'Registrar Duimp' }).click();
    const answer = await waitForText(page.getByTestId('registrar-duimp').locator('xpath=..').getByRole('status'), /\d\dBR\d{11}/, 'the registered Duimp');
    const numero = answer.match(/\d\dBR\d{11}/)![0];

    // Its notification appears and takes its first attempt (HTTP 500) with no reload.
    await page.getByRole('button', { name: 'Entregas' }).click();
    const row = page.getByTestId('entregas').locator('tbody tr', { hasText: numero });
    await waitForText(row, /dimp-registro.*UF SP.*PENDENTE.*1HTTP_500/, 'the first failed attempt');

    // The retries are 5 simulated minutes apart: advance the clock from the page, twice.
    await page.getByRole('button', { name: 'Avançar 5 min' }).click();
    await waitForText(row, /PENDENTE.*2HTTP_500/, 'the second failed attempt');
    await page.getByRole('button', { name: 'Avançar 5 min' }).click();
    await waitForText(row, /ENTREGUE.*3OK/, 'the delivery on the third attempt');
    if (DOC_SCREENSHOTS) await page.screenshot({ path: join(DOC_SCREENSHOTS, 'painel-entregas.png') });

    // One notification: its three attempts, the headers with the secret masked, the receipt.
    await row.click();
    const attempts = page.getByTestId('tentativas').locator('tbody tr');
    await waitForText(attempts.nth(2), /200/, 'the third attempt in the detail');
    expect(await attempts.locator('td[data-col=status]').allTextContents()).toEqual(['500', '500', '200']);
    expect(await attempts.allTextContents()).toEqual([
      expect.stringMatching(/^1.*HTTP_500indisponível$/),
      expect.stringMatching(/^2.*HTTP_500indisponível$/),
      expect.stringMatching(/^3.*OKrecebido$/),
    ]);
    const headers = (await page.getByTestId('cabecalhos').textContent())!;
    expect(headers).toContain('event-type: dimp-registro');
    expect(headers).toContain('destinatario-id: SP');
    expect(headers).toMatch(/secret: •+/);
    expect(headers).not.toContain(SECRET);
    expect(await page.getByTestId('payload').textContent()).toContain(`"numero": "${numero}"`);
    expect(await page.getByTestId('recibo').textContent()).toMatch(/Hash[0-9a-f]{64}.*primeiro recibo da cadeia/);
    if (DOC_SCREENSHOTS) await page.screenshot({ path: join(DOC_SCREENSHOTS, 'painel-notificacao.png'), fullPage: true });

    // The receiver really got three POSTs with the real secret; the page never put the token in its URL.
    expect(hook.requests.map((request) => request.headers.secret)).toEqual([SECRET, SECRET, SECRET]);
    expect(page.url()).not.toContain(sim.env.ADMIN_TOKEN);

    await page.getByRole('button', { name: 'Cenários e relógio' }).click();
    await page.getByRole('button', { name: 'Verificar cadeia' }).click();
    await waitForText(page.getByTestId('veredito'), /Cadeia íntegra: 1 recibo/, 'the receipt chain verdict');
  });

  it('the data behind the page needs the token and refuses bad filters with the portal error body', async () => {
    const stream = await fetch(`${sim.adminUrl}/admin/painel/stream`);
    expect(stream.status).toBe(401);
    expect((await sim.admin('GET', '/admin/painel/entregas?numero=%27%3Bdrop')).body).toMatchObject({
      errors: [expect.objectContaining({ field: 'numero' })],
    });
    expect((await sim.admin('GET', '/admin/painel/entregas?situacao=QUALQUER')).status).toBe(422);
    expect((await sim.admin('GET', '/admin/painel/entregas/nao-e-uuid')).status).toBe(400);
    const traversal = await fetch(`${sim.adminUrl}/painel/vendor/..%2F..%2Fpackage.json`);
    expect(traversal.status).toBe(404);
    const shell = await fetch(`${sim.adminUrl}/painel`);
    expect(shell.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await shell.text()).not.toMatch(/https?:\/\/(?!127\.)/);
  });
});
