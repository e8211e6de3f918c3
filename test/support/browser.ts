import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator } from 'playwright-core';
import { pollUntil } from './poll.js';

/** Debian's Chromium (`apt-get install chromium`), as `.ci/run` installs it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A headless Chromium with a fresh profile that nothing else shares, and no traffic of its own. */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'painel-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Polls a locator's text until it matches: the page updates on its own, the test never reloads it. */
export function waitForText(locator: Locator, pattern: RegExp, what: string, timeoutMs = 20_000): Promise<string> {
  return pollUntil(
    async () => ((await locator.count()) ? ((await locator.first().textContent()) ?? '') : ''),
    (text) => pattern.test(text),
    { timeoutMs, intervalMs: 100, what },
  );
}
