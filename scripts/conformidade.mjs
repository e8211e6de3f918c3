#!/usr/bin/env node
// Is my endpoint ready for the portal? Runs a conformance run through the admin API, prints a summary,
// writes the JUnit file and exits 1 when a check fails (2 on a usage or API error).
// Usage: npm run conformidade -- --endpoint https://host/hook --interveniente <CNPJ> [--junit file.xml]
//        [--assinatura <id>] [--eventos a,b] [--perfil local|portal] [--secret <chaveSecreta>]
//        [--taxa <per second>] [--duracao <seconds>]
// Admin API: ADMIN_URL (default http://127.0.0.1:8080) and ADMIN_TOKEN.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    interveniente: { type: 'string' },
    assinatura: { type: 'string' },
    eventos: { type: 'string' },
    perfil: { type: 'string' },
    secret: { type: 'string' },
    taxa: { type: 'string' },
    duracao: { type: 'string' },
    junit: { type: 'string' },
  },
});
const adminUrl = process.env.ADMIN_URL ?? 'http://127.0.0.1:8080';
const token = process.env.ADMIN_TOKEN;
if ((!values.endpoint || !values.interveniente) && !values.assinatura) {
  console.error('usage: npm run conformidade -- --endpoint https://… --interveniente <ni> [--junit file.xml] (or --assinatura <id>)');
  process.exit(2);
}
if (!token) {
  console.error('ADMIN_TOKEN is not set');
  process.exit(2);
}

const call = async (method, path, body) => {
  const response = await fetch(`${adminUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    console.error(`${method} ${path}: ${response.status} ${text}`);
    process.exit(2);
  }
  return text;
};

const request = {
  endpoint: values.endpoint,
  interveniente: values.interveniente,
  assinaturaId: values.assinatura ? Number(values.assinatura) : undefined,
  eventos: values.eventos?.split(','),
  perfil: values.perfil,
  chaveSecreta: values.secret,
  carga: values.taxa || values.duracao ? { taxa: Number(values.taxa ?? 5), duracaoSegundos: Number(values.duracao ?? 10) } : undefined,
};
const { id } = JSON.parse(await call('POST', '/admin/conformidade', request));
console.log(`conformance run ${id} of ${values.endpoint ?? `subscription ${values.assinatura}`}`);

let run;
for (;;) {
  run = JSON.parse(await call('GET', `/admin/conformidade/${id}`));
  if (run.situacao !== 'EM_ANDAMENTO') break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const mark = { PASSOU: 'ok  ', FALHOU: 'FAIL', AVISO: 'warn' };
for (const check of run.checks) {
  console.log(`  ${mark[check.veredito]}  ${check.id.padEnd(28)} ${check.motivo}`);
  if (check.veredito !== 'PASSOU' && check.conselho) console.log(`        ${''.padEnd(28)} → ${check.conselho}`);
}
const { passou, falhou, aviso } = run.resumo;
console.log(`${run.situacao}: ${passou} passed, ${falhou} failed, ${aviso} warnings`);
if (values.junit) {
  writeFileSync(values.junit, await call('GET', `/admin/conformidade/${id}/junit`));
  console.log(`JUnit written to ${values.junit}`);
}
process.exit(run.situacao === 'APROVADO' ? 0 : 1);
