import { createHash, timingSafeEqual } from 'node:crypto';
import { Body, Controller, ForbiddenException, Headers, HttpCode, Inject, Post, Req, UnauthorizedException, BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import type { InboxStore } from './inbox.store.js';
import type { PortalClient } from './portal-client.js';
import type { ReceptorConfig } from './receptor-config.js';
import { CONFIG, INBOX, PORTAL } from './receptor.tokens.js';

const SOURCE_LIST_TTL_MS = 10 * 60_000;

/**
 * The webhook endpoint, the part the portal times: check who sent it, store it durably, answer 200.
 * Nothing slow happens here (the portal gives up after 3.5 s); the processor takes it from the inbox.
 */
@Controller('notificacoes')
export class NotificacoesController {
  private sources: { addresses: Set<string>; fetchedAt: number } | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: ReceptorConfig,
    @Inject(INBOX) private readonly inbox: InboxStore,
    @Inject(PORTAL) private readonly portal: PortalClient,
  ) {}

  @Post()
  @HttpCode(200) // Only 200 is a receipt: 201/202/204 would make the portal try again.
  async receive(@Req() request: Request, @Headers() headers: Record<string, string | undefined>, @Body() body: unknown) {
    if (this.config.checkSource && !(await this.fromPortal(request.socket.remoteAddress ?? ''))) {
      throw new ForbiddenException('source address not in the portal list');
    }
    if (this.config.secret && !sameSecret(headers.secret ?? '', this.config.secret)) throw new UnauthorizedException('wrong secret');
    const evento = headers['event-type'];
    if (!evento || typeof body !== 'object' || body === null) throw new BadRequestException('event-type header and a JSON body are required');
    // `id-notificacao` is the simulator's; the real portal sends none, so the body identifies a repeat.
    const id = headers['id-notificacao'] ?? `${evento}:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
    const novo = await this.inbox.store(id, evento, body);
    return { recebida: true, repetida: !novo };
  }

  /** The portal's published egress list (GET /portal/api/ext/webhook/ips), cached; empty: nothing to check. */
  private async fromPortal(address: string): Promise<boolean> {
    if (!this.sources || Date.now() - this.sources.fetchedAt > SOURCE_LIST_TTL_MS) {
      const answer = await this.portal.call('GET', '/portal/api/ext/webhook/ips');
      this.sources = { addresses: new Set(answer.status === 200 && Array.isArray(answer.body) ? answer.body : []), fetchedAt: Date.now() };
    }
    const plain = address.replace(/^::ffff:/, '');
    return this.sources.addresses.size === 0 || this.sources.addresses.has(plain);
  }
}

/** Constant time whatever the lengths: both sides hashed first, then compared. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
