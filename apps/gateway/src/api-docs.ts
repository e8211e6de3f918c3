import type { ApiDocs } from './openapi.js';

/** The OpenAPI of the admin app (ADMIN_PORT): the simulator's own controls, not the real portal's. */
export const ADMIN_API_DOCS: ApiDocs = {
  title: 'Pucomex simulator: admin API',
  description: [
    'Controls of the simulator for QA and CI, not part of the real portal: scenarios that move Duimps, LPCOs,',
    'PCCE ICMS requests and documents through their lifecycle and emit their events; the test ICP-Brasil PKI',
    '(CA, CRL, client and server certificates); inspection of intervenientes, subscriptions, notifications and',
    'receipts; the simulated clock; reset.',
    '',
    'Every route needs `Authorization: Bearer <ADMIN_TOKEN>`, except /health, /metrics and the CA certificate and CRL.',
  ].join('\n'),
  securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the simulator.' } },
};

/** The OpenAPI of the portal app (PORTAL_PORT, HTTPS): what integrators call, as on the Portal Único. */
export const PORTAL_API_DOCS: ApiDocs = {
  title: 'Pucomex simulator: portal API',
  description: [
    'The Portal Único APIs as integrators call them: authentication with an ICP-Brasil certificate, webhook',
    'subscriptions, and the Duimp and PCCE (ICMS) services for the Sefaz.',
    '',
    'Log in over mutual TLS with a certificate of the simulator\'s test PKI (`POST /portal/api/autenticar/sistema`',
    'with `System-Code`, or `POST /portal/api/autenticar` with `Role-Type`). Then send the `Set-Token` JWT in',
    '`Authorization` (or the `JWTPCMX_USR` cookie the login sets) and the `X-CSRF-Token` of the latest response:',
    'every response renews it. Bodies are accepted and answered in JSON or XML (`Content-Type`, `Accept`).',
  ].join('\n'),
  securitySchemes: {
    Authorization: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'The `Set-Token` JWT of the login, with or without `Bearer `.' },
    'X-CSRF-Token': { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The `X-CSRF-Token` of the latest response.' },
  },
};
