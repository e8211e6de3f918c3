#!/usr/bin/env node
// The test PKI from the command line, writing files: a thin client of the admin API (so every
// certificate is recorded and revocable like those issued over HTTP).
//
//   npm run pki -- emitir --tipo EQUIPAMENTO --cnpj 99246982000163 [--nivel A3] [--cpf ...] [--nome ...]
//                         [--cn ...] [--defeito EXPIRADO] [--senha ...] [--saida DIR]
//   npm run pki -- servidor [--dns localhost] [--ip 127.0.0.1] [--saida DIR]
//   npm run pki -- revogar SERIAL [--motivo keyCompromise]
//   npm run pki -- ca [--saida DIR]
//
// Settings: SIM_ADMIN_URL (default http://127.0.0.1:8080) and ADMIN_TOKEN.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    tipo: { type: 'string' }, nivel: { type: 'string' }, cnpj: { type: 'string' }, cpf: { type: 'string' },
    nome: { type: 'string' }, cn: { type: 'string' }, defeito: { type: 'string', multiple: true },
    senha: { type: 'string' }, dns: { type: 'string', multiple: true }, ip: { type: 'string', multiple: true },
    motivo: { type: 'string' }, saida: { type: 'string', default: '.' },
  },
});
const [command, serial] = positionals;
const base = process.env.SIM_ADMIN_URL ?? 'http://127.0.0.1:8080';
const token = process.env.ADMIN_TOKEN;

async function admin(method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    console.error(`${method} ${path}: HTTP ${response.status} ${text}`);
    process.exit(1);
  }
  return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
}

function write(name, content) {
  mkdirSync(values.saida, { recursive: true });
  const file = join(values.saida, name);
  writeFileSync(file, content, { mode: name.endsWith('.key') || name.endsWith('.p12') ? 0o600 : 0o644 });
  console.log(file);
}

function writeIssued(issued) {
  const stem = issued.serialNumber;
  write(`${stem}.pem`, issued.certPem);
  write(`${stem}.key`, issued.keyPem);
  write(`${stem}-chain.pem`, issued.chainPem);
  if (issued.pkcs12Base64) write(`${stem}.p12`, Buffer.from(issued.pkcs12Base64, 'base64'));
  console.log(JSON.stringify({ serialNumber: issued.serialNumber, cnpj: issued.cnpj, cpf: issued.cpf, pkcs12Password: issued.pkcs12Password }));
}

if (!token && command !== 'ca') {
  console.error('ADMIN_TOKEN is not set');
  process.exit(2);
}
switch (command) {
  case 'emitir':
    writeIssued(
      await admin('POST', '/admin/certificados', {
        tipo: values.tipo ?? 'EQUIPAMENTO',
        nivel: values.nivel, cnpj: values.cnpj, cpf: values.cpf, nome: values.nome, cn: values.cn,
        defeitos: values.defeito, senhaPkcs12: values.senha,
      }),
    );
    break;
  case 'servidor':
    writeIssued(await admin('POST', '/admin/pki/certificados-servidor', { dnsNames: values.dns, ipAddresses: values.ip }));
    break;
  case 'revogar':
    if (!serial) {
      console.error('usage: npm run pki -- revogar SERIAL');
      process.exit(2);
    }
    console.log(JSON.stringify(await admin('POST', `/admin/certificados/${serial}/revogacao`, { motivo: values.motivo })));
    break;
  case 'ca':
    write('ca.pem', await (await fetch(`${base}/admin/pki/ca.pem`)).text());
    break;
  default:
    console.error('usage: npm run pki -- emitir|servidor|revogar|ca [options] (see scripts/pki.mjs)');
    process.exit(2);
}
