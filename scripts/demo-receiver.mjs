#!/usr/bin/env node
// A notification receiver for trying the simulator by hand: HTTPS on loopback, prints every request
// (with its `secret` header, so the subscription's chaveSecreta can be seen arriving).
// Usage: node scripts/demo-receiver.mjs <server-cert.json> [port] [replies]
//   server-cert.json  the answer of POST /admin/pki/certificados-servidor
//   port              default 9443
//   replies           HTTP statuses to answer in turn, the last one repeating; default "200" (e.g. "500,500,200")
import { readFileSync } from 'node:fs';
import https from 'node:https';

const [certFile, port = '9443', replies = '200'] = process.argv.slice(2);
if (!certFile) {
  console.error('usage: node scripts/demo-receiver.mjs <server-cert.json> [port] [replies]');
  process.exit(2);
}
const { certPem, keyPem, chainPem } = JSON.parse(readFileSync(certFile, 'utf8'));
const statuses = replies.split(',').map(Number);
let count = 0;

https
  .createServer({ cert: certPem + chainPem, key: keyPem }, (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const status = statuses[Math.min(count, statuses.length - 1)];
      count += 1;
      console.log(
        JSON.stringify({
          n: count,
          answered: status,
          from: req.socket.remoteAddress,
          'event-type': req.headers['event-type'],
          'destinatario-id': req.headers['destinatario-id'],
          'id-notificacao': req.headers['id-notificacao'],
          secret: req.headers.secret,
          body: JSON.parse(body || 'null'),
        }),
      );
      res.writeHead(status).end();
    });
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`receiver on https://127.0.0.1:${port}/hook answering ${replies}`));
