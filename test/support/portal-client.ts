import https from 'node:https';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Simulator } from './simulator.js';

export interface ClientCertificate {
  certPem: string;
  keyPem: string;
  chainPem?: string;
}

export interface PortalResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export interface PortalRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | object;
  /** Client certificate for the TLS handshake. */
  certificate?: ClientCertificate;
  /** Send only the leaf, not the chain. */
  leafOnly?: boolean;
}

/** One HTTPS request to the portal listener, trusting the simulator's CA, with an optional client certificate. */
export function portalRequest<T = any>(sim: Simulator, request: PortalRequest): Promise<PortalResponse<T>> {
  const url = new URL(request.path, sim.portalUrl);
  const { root, intermediate } = sim.authority.caBundle();
  const payload =
    request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const headers: Record<string, string> = {
    ...(payload !== undefined && typeof request.body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
    ...request.headers,
  };
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: request.method ?? 'GET',
        headers,
        ca: [root.certPem, intermediate.certPem],
        cert: request.certificate ? request.certificate.certPem + (request.leafOnly ? '' : (request.certificate.chainPem ?? '')) : undefined,
        key: request.certificate?.keyPem,
        // A fresh handshake per request: certificate checks and revocations are observed at once.
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json')) body = text ? JSON.parse(text) : undefined;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body as T, text });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Issues an equipment certificate for a seeded party through the admin API. */
export async function equipmentCertificate(sim: Simulator, cnpj: string, extra: object = {}): Promise<ClientCertificate & { serialNumber: string }> {
  const issued = await sim.admin('POST', '/admin/certificados', { tipo: 'EQUIPAMENTO', cnpj, cn: 'sefaz-integrador.teste', ...extra });
  if (issued.status !== 201) throw new Error(`certificate: ${JSON.stringify(issued.body)}`);
  return issued.body;
}

export async function seededParty(sim: Simulator, where: { uf?: string; orgao?: string }) {
  const [row] = await sim.dataSource.query(
    `SELECT id, ni, system_code FROM interveniente WHERE ${where.uf ? 'uf = $1 AND tipo = $2' : 'orgao = $1 AND tipo = $2'}`,
    where.uf ? [where.uf, 'SEFAZ'] : [where.orgao, 'ANUENTE'],
  );
  return row as { id: string; ni: string; system_code: string };
}

/**
 * A logged-in portal session: authenticates with an equipment certificate (`/autenticar/sistema`) and then
 * calls with `Authorization` + `X-CSRF-Token`, following the renewed CSRF token of every response.
 */
export interface PortalSession {
  jwt: string;
  csrf: string;
  call: <T = any>(method: string, path: string, body?: string | object, headers?: Record<string, string>) => Promise<PortalResponse<T>>;
}

export async function loginSistema(sim: Simulator, where: { uf?: string; orgao?: string }): Promise<PortalSession> {
  const party = await seededParty(sim, where);
  const certificate = await equipmentCertificate(sim, party.ni);
  // Suites share the database: step past any earlier login's 60 s PLAT-ER2033 window.
  await sim.admin('POST', '/admin/relogio/avancar', { segundos: 61 });
  const login = await portalRequest(sim, {
    method: 'POST',
    path: '/portal/api/autenticar/sistema',
    headers: { 'System-Code': party.system_code },
    certificate,
  });
  return sessionFrom(sim, login);
}

/** A private party's login (`/autenticar` with a Role-Type and its e-CPF/e-CNPJ). */
export async function loginRoleType(sim: Simulator, certificate: ClientCertificate, roleType: string): Promise<PortalSession> {
  await sim.admin('POST', '/admin/relogio/avancar', { segundos: 61 });
  const login = await portalRequest(sim, { method: 'POST', path: '/portal/api/autenticar', headers: { 'Role-Type': roleType }, certificate });
  return sessionFrom(sim, login);
}

function sessionFrom(sim: Simulator, login: PortalResponse): PortalSession {
  if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
  const session: PortalSession = {
    jwt: String(login.headers['set-token']),
    csrf: String(login.headers['x-csrf-token']),
    call: async (method, path, body, headers = {}) => {
      const response = await portalRequest(sim, {
        method,
        path,
        body,
        headers: { Authorization: session.jwt, 'X-CSRF-Token': session.csrf, ...headers },
      });
      if (response.headers['x-csrf-token']) session.csrf = String(response.headers['x-csrf-token']);
      return response;
    },
  };
  return session;
}

/** Headers of a client that speaks XML both ways. */
export const XML_HEADERS = { 'Content-Type': 'application/xml', Accept: 'application/xml' };

/** Reads an XML response as `{ root: fields }`, every value a string as it is on the wire. */
export function fromXml(text: string): Record<string, any> {
  return new XMLParser({ parseTagValue: false, ignoreDeclaration: true }).parse(text) as Record<string, any>;
}

/** Writes a request body as XML under `root`; a list becomes its element repeated. */
export function toXmlBody(root: string, value: object): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${new XMLBuilder({}).build({ [root]: value }) as string}`;
}
