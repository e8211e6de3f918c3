import https from 'node:https';
import type { ReceptorConfig } from './receptor-config.js';

export interface PortalAnswer {
  status: number;
  body: any;
}

/**
 * The portal API as a Sefaz system calls it: authenticates at /autenticar/sistema with its equipment
 * certificate and System-Code, then sends `Authorization` (the Set-Token) and `X-CSRF-Token` on every
 * call, keeping the renewed token each answer brings (the old one stays valid until it expires, but the
 * newest one always has the longest life). Logs in again once on a 401.
 */
export class PortalClient {
  private session: { jwt: string; csrf: string } | null = null;
  /** One login at a time: a second one within 60 s is refused by the portal (PLAT-ER2033). */
  private loggingIn: Promise<void> | null = null;
  private readonly agent: https.Agent;

  constructor(private readonly config: ReceptorConfig) {
    this.agent = new https.Agent({ keepAlive: true, ca: config.portalCaPem, cert: config.equipmentCertPem, key: config.equipmentKeyPem });
  }

  async call(method: string, path: string, body?: object): Promise<PortalAnswer> {
    if (!this.session) await this.login();
    const jwtUsed = this.session!.jwt;
    let answer = await this.request(method, path, body);
    if (answer.status === 401) {
      if (this.session?.jwt === jwtUsed) this.session = null;
      if (!this.session) await this.login();
      answer = await this.request(method, path, body);
    }
    return answer;
  }

  close(): void {
    this.agent.destroy();
  }

  private login(): Promise<void> {
    this.loggingIn ??= this.authenticate().finally(() => (this.loggingIn = null));
    return this.loggingIn;
  }

  private async authenticate(): Promise<void> {
    const answer = await this.raw('POST', '/portal/api/autenticar/sistema', { 'System-Code': this.config.systemCode });
    if (answer.status !== 200) throw new Error(`portal login refused: ${answer.status} ${answer.text}`);
    this.session = { jwt: String(answer.headers['set-token']), csrf: String(answer.headers['x-csrf-token']) };
  }

  private async request(method: string, path: string, body?: object): Promise<PortalAnswer> {
    const session = this.session!;
    const answer = await this.raw(method, path, { Authorization: session.jwt, 'X-CSRF-Token': session.csrf }, body);
    if (answer.headers['x-csrf-token']) session.csrf = String(answer.headers['x-csrf-token']);
    let parsed: unknown = answer.text;
    try {
      parsed = answer.text ? JSON.parse(answer.text) : undefined;
    } catch {
      // Not JSON: keep the text for the error message.
    }
    return { status: answer.status, body: parsed };
  }

  private raw(method: string, path: string, headers: Record<string, string>, body?: object) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
      const request = https.request(
        new URL(path, this.config.portalUrl),
        { method, agent: this.agent, headers: { Accept: 'application/json', ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error(`portal ${method} ${path}: no answer in 10 s`)));
      request.on('error', reject);
      request.end(payload);
    });
  }
}
