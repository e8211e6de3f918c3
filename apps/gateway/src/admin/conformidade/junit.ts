import { XMLBuilder } from 'fast-xml-parser';
import type { ConformanceRun } from '#database';
import type { Check } from './check.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/**
 * The run as JUnit XML, one testcase per check, so any CI gates on it: FALHOU is a <failure>, AVISO a
 * passing testcase whose warning is in <system-out> (CI must not fail on advice).
 */
export function toJunit(run: ConformanceRun): string {
  const checks = run.checks as Check[];
  const failures = checks.filter((check) => check.veredito === 'FALHOU').length;
  const seconds = (check: Check) => (check.evidencias.reduce((sum, item) => sum + item.tempoMs, 0) / 1000).toFixed(3);
  const testcases = checks.map((check) => ({
    '@name': check.id,
    '@classname': `conformidade.${new URL(run.endpoint).host}`,
    '@time': seconds(check),
    ...(check.veredito === 'FALHOU' ? { failure: { '@message': check.motivo, '@type': check.id, '#text': details(check) } } : {}),
    'system-out': `${check.veredito}: ${check.motivo}\n${details(check)}`,
  }));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    builder.build({
      testsuites: {
        '@name': 'pucomex-sim conformidade',
        '@tests': checks.length,
        '@failures': failures,
        testsuite: {
          '@name': run.endpoint,
          '@id': run.id,
          '@tests': checks.length,
          '@failures': failures,
          '@errors': 0,
          '@skipped': 0,
          '@timestamp': run.startedAt.toISOString(),
          properties: {
            property: [
              { '@name': 'interveniente', '@value': run.intervenienteId },
              { '@name': 'perfil', '@value': run.perfil },
              { '@name': 'situacao', '@value': run.situacao },
            ],
          },
          testcase: testcases,
        },
      },
    })
  );
}

function details(check: Check): string {
  const lines = [`rule: ${check.regra}`];
  for (const item of check.evidencias) {
    lines.push(`${item.envio}: status ${item.status ?? '-'}, ${item.tempoMs} ms, ${item.causa}${item.trecho ? `, "${item.trecho}"` : ''}`);
  }
  if (check.medidas) lines.push(Object.entries(check.medidas).map(([key, value]) => `${key}=${value}`).join(' '));
  if (check.conselho) lines.push(`advice: ${check.conselho}`);
  return lines.join('\n');
}
