import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import { pollUntil } from './poll.js';
import type { Simulator } from './simulator.js';

/** Polls a run to its end and fetches its JUnit file, parsed with an ordinary XML reader. */
export async function finishedRun(sim: Simulator, id: string) {
  const run = await pollUntil(
    async () => (await sim.admin('GET', `/admin/conformidade/${id}`)).body,
    (body) => body.situacao !== 'EM_ANDAMENTO',
    { timeoutMs: 50_000, intervalMs: 100, what: `conformance run ${id}` },
  );
  const junit = await fetch(`${sim.adminUrl}/admin/conformidade/${id}/junit`, { headers: { Authorization: `Bearer ${sim.env.ADMIN_TOKEN}` } });
  expect(junit.headers.get('content-type')).toContain('application/xml');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(await junit.text());
  return { run, suite: parsed.testsuites.testsuite, check: (id: string) => run.checks.find((c: { id: string }) => c.id === id) };
}
