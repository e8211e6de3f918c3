import { readFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import axios, { AxiosError } from 'axios';
import { HostResolver, nonPublicRange } from '#common';
import type { AttemptOutcome } from './attempt.store.js';

export const RESPONSE_CAPTURE_BYTES = 4_096;

export interface WebhookRequest {
  endpoint: string;
  headers: Record<string, string>;
  body: string;
  /** Local address the socket binds to (one of the configured egress addresses). */
  sourceAddress?: string;
}

/** What the endpoint did with one attempt. */
export type WebhookResponse = AttemptOutcome;

export interface WebhookClientOptions {
  timeoutMs: number;
  /** PEM CAs trusted for receivers: system roots, the simulator's CA and configured extras. */
  ca: string[];
  /** DNS servers for endpoint names; empty: the operating system's resolver. */
  dnsServers?: readonly string[];
  /** The `portal` endpoint profile: connect to public addresses only, judged on the address actually dialled. */
  publicAddressesOnly?: boolean;
  /** Concurrent connections per endpoint origin and source address; requests beyond wait for a free one. */
  maxSocketsPerOrigin?: number;
}

/**
 * The CAs a receiver's certificate is verified against. Node's `ca` replaces the system roots, so they
 * are listed with the simulator's own CA and the configured extras.
 */
export function receiverTrust(simulatorCaPems: string[], extraCaFiles: readonly string[]): string[] {
  return [...tls.rootCertificates, ...simulatorCaPems, ...extraCaFiles.map((file) => readFileSync(file, 'utf8'))];
}

const NON_PUBLIC_CAUSE = 'ENDPOINT_ENDERECO_NAO_PUBLICO';

function nonPublicError(host: string, address: string, range: string): Error {
  return Object.assign(new Error(`${host} resolves to ${address} (${range}): only public addresses are called`), { code: NON_PUBLIC_CAUSE });
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|EPROTO|ALTNAME/;

/** POSTs notifications over HTTPS with one keep-alive agent per endpoint origin and source address. */
export class WebhookClient {
  private readonly agents = new Map<string, https.Agent>();
  /**
   * One TLS context for every socket. Passing `ca` to the agents instead would parse the whole trust list
   * (system roots included) for each new connection and concatenate it into the agent's key on every request.
   */
  private readonly secureContext: tls.SecureContext;
  /** Set when names are resolved by us: configured DNS servers, or the public-only check at every send. */
  private readonly lookup?: LookupFunction;

  constructor(private readonly options: WebhookClientOptions) {
    this.secureContext = tls.createSecureContext({ ca: options.ca, minVersion: 'TLSv1.2' });
    if (options.publicAddressesOnly || options.dnsServers?.length) {
      this.lookup = guardedLookup(new HostResolver(options.dnsServers), options.publicAddressesOnly ?? false);
    }
  }

  async send(request: WebhookRequest): Promise<WebhookResponse> {
    const queuedAt = performance.now();
    // The receiver's time starts when the request has its socket: waiting for a free one is ours.
    let sentAt: number | undefined;
    let startedAt: Date | undefined;
    const finish = (result: Omit<WebhookResponse, 'durationMs' | 'startedAt' | 'queueMs'>): WebhookResponse => {
      const now = performance.now();
      return {
        ...result,
        durationMs: Math.round(now - (sentAt ?? now)),
        queueMs: Math.round((sentAt ?? now) - queuedAt),
        startedAt: startedAt ?? new Date(),
      };
    };

    let url: URL;
    try {
      url = new URL(request.endpoint);
    } catch {
      return finish({ ok: false, httpStatus: null, cause: 'ENDPOINT_INVALIDO', detail: 'URL inválida', responseBody: null });
    }
    if (url.protocol !== 'https:') {
      return finish({ ok: false, httpStatus: null, cause: 'ENDPOINT_NAO_HTTPS', detail: 'Only https:// endpoints are called', responseBody: null });
    }
    // An address literal is never looked up: judge it here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    const literalRange = this.options.publicAddressesOnly && isIP(literal) ? nonPublicRange(literal) : null;
    if (literalRange) {
      const { message } = nonPublicError(url.hostname, literal, literalRange);
      return finish({ ok: false, httpStatus: null, cause: NON_PUBLIC_CAUSE, detail: message, responseBody: null });
    }

    // The whole exchange, status line and captured body, fits in the portal's processing budget, counted
    // from the moment the request has a socket (connecting included, queueing for one excluded).
    // A timer cleared at the end, not AbortSignal.timeout(): that one keeps the signal, its listeners and
    // so the whole exchange alive for the full budget after the response, thousands of them under load.
    const controller = new AbortController();
    const budget = controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const startBudget = () => {
      if (sentAt !== undefined) return;
      sentAt = performance.now();
      startedAt = new Date();
      timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    };
    const transport = {
      request: (options: https.RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest =>
        https.request(options, callback).once('socket', startBudget),
    };
    try {
      const response = await axios.post<Readable>(url.toString(), request.body, {
        httpsAgent: this.agentFor(url, request.sourceAddress),
        transport,
        headers: request.headers,
        signal: budget,
        maxRedirects: 0,
        // Straight to the endpoint from the egress address, as the portal sends: never through a proxy
        // named in the environment (which axios would otherwise look up on every request).
        proxy: false,
        responseType: 'stream',
        validateStatus: () => true,
        transformRequest: [(data: string) => data],
      });
      const responseBody = await captureBody(response.data, budget);
      const ok = response.status === 200;
      return finish({
        ok,
        httpStatus: response.status,
        cause: ok ? 'OK' : `HTTP_${response.status}`,
        detail: ok ? null : `HTTP ${response.status}: only HTTP 200 is a receipt`,
        responseBody,
      });
    } catch (error) {
      return finish({ ok: false, httpStatus: null, ...classifyError(error, budget, this.options.timeoutMs), responseBody: null });
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private agentFor(url: URL, sourceAddress?: string): https.Agent {
    const key = `${url.host}|${sourceAddress ?? ''}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new https.Agent({
        keepAlive: true,
        maxSockets: this.options.maxSocketsPerOrigin ?? 64,
        localAddress: sourceAddress,
        secureContext: this.secureContext,
        minVersion: 'TLSv1.2',
        lookup: this.lookup,
      });
      this.agents.set(key, agent);
    }
    return agent;
  }
}

/**
 * A socket lookup that resolves the name again for every connection and, for the portal profile, refuses
 * one resolving to a non-public address: the check is made on the address actually dialled (no rebinding).
 */
function guardedLookup(resolver: HostResolver, publicOnly: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolver.resolve(hostname).then(
      (found) => {
        const allowed = options.family ? found.filter((entry) => entry.family === options.family) : found;
        const refused = publicOnly ? allowed.map((entry) => ({ entry, range: nonPublicRange(entry.address) })).find((r) => r.range) : undefined;
        if (refused) return callback(nonPublicError(hostname, refused.entry.address, refused.range!), '', 4);
        if (allowed.length === 0) return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), '', 4);
        if (options.all) return (callback as (e: null, a: typeof allowed) => void)(null, allowed);
        callback(null, allowed[0].address, allowed[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}

/** Keeps the first 4 KiB of the body and drains the rest so the socket can be reused. */
function captureBody(stream: Readable, budget: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    const abort = () => stream.destroy();
    const done = () => {
      budget.removeEventListener('abort', abort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    stream.on('data', (chunk: Buffer) => {
      if (kept >= RESPONSE_CAPTURE_BYTES) return;
      const slice = chunk.subarray(0, RESPONSE_CAPTURE_BYTES - kept);
      chunks.push(slice);
      kept += slice.length;
    });
    stream.on('end', done);
    stream.on('error', done);
    stream.on('close', done);
    budget.addEventListener('abort', abort, { once: true });
  });
}

function classifyError(error: unknown, budget: AbortSignal, timeoutMs: number): { cause: string; detail: string } {
  const axiosError = error as AxiosError & { cause?: { code?: string; message?: string } };
  if (budget.aborted || axiosError.code === AxiosError.ECONNABORTED || axiosError.code === AxiosError.ERR_CANCELED) {
    return { cause: 'TIMEOUT', detail: `No response within ${timeoutMs} ms` };
  }
  const code = axiosError.code ?? axiosError.cause?.code ?? 'ERRO_DESCONHECIDO';
  const detail = axiosError.message || axiosError.cause?.message || String(error);
  return { cause: TLS_CODE.test(code) ? `TLS_${code}` : code, detail };
}
