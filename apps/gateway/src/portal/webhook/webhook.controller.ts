import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { catalogView, eventsForTipo } from '#catalog';
import { PortalException, PortalValidationException, XmlRoot } from '#common';
import { AppConfig } from '#config';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { SubscriptionService } from '../../business/subscriptions/subscription.service.js';
import { AccessLimited } from '../platform/access-limited.decorator.js';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto.js';
import { FailuresService } from './failures.service.js';
import { toWebhookView, type WebhookView } from './webhook.view.js';

const MAX_ID = 2_147_483_647;

function notFound(): PortalException {
  return new PortalException(404, 'PUCX-ER0404', 'Assinatura não encontrada.');
}

/** A malformed or out-of-range id names no subscription: 404 like any other unknown id. */
function parseId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > MAX_ID || Number(raw) === 0) throw notFound();
  return Number(raw);
}

/**
 * The portal's webhook subscription API (SPEC §5). Every query is scoped to the caller: another party's
 * subscription answers 404, never 403, so ids leak nothing. Static routes come before `/:id`.
 */
@ApiTags('Webhook')
@AccessLimited('webhook-assinatura')
@Controller('portal/api/ext/webhook')
export class WebhookController {
  constructor(
    private readonly subscriptionService: SubscriptionService,
    private readonly failures: FailuresService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @XmlRoot('assinatura')
  async create(@CurrentSession() session: PortalSession, @Body() dto: CreateWebhookDto): Promise<WebhookView> {
    return toWebhookView(await this.subscriptionService.create(session.interveniente, dto));
  }

  @Get()
  @XmlRoot('assinaturas', 'assinatura')
  async list(@CurrentSession() session: PortalSession, @Query('exibirInativos') exibirInativos?: string): Promise<WebhookView[]> {
    const found = await this.subscriptionService.list(session.interveniente, exibirInativos === 'true');
    return found.map(toWebhookView);
  }

  /** Simulator extension: the events the caller's tipo may subscribe, each with where its contract comes from. */
  @Get('eventos')
  @XmlRoot('eventos', 'evento')
  eventos(@CurrentSession() session: PortalSession) {
    return eventsForTipo(session.interveniente.tipo).map(catalogView);
  }

  /** The addresses notifications leave from: the same list the worker binds to. */
  @Get('ips')
  @XmlRoot('ips', 'ip')
  ips(): string[] {
    return [...this.config.EGRESS_ADDRESSES];
  }

  @Get('falhas')
  @XmlRoot('falhas', 'falha')
  falhas(@CurrentSession() session: PortalSession) {
    return this.failures.forInterveniente(session.interveniente.id);
  }

  @Get(':id')
  @XmlRoot('assinatura')
  async get(@CurrentSession() session: PortalSession, @Param('id') rawId: string): Promise<WebhookView> {
    const found = await this.subscriptionService.findOwn(session.interveniente, parseId(rawId));
    if (!found) throw notFound();
    return toWebhookView(found);
  }

  @Put(':id')
  @XmlRoot('assinatura')
  async update(@CurrentSession() session: PortalSession, @Param('id') rawId: string, @Body() dto: UpdateWebhookDto): Promise<WebhookView> {
    const id = parseId(rawId);
    if (dto.id !== undefined && dto.id !== id) {
      throw new PortalValidationException([{ code: 'ID_DIVERGENTE', field: 'id', message: 'O id do corpo difere do id da URL.' }]);
    }
    const updated = await this.subscriptionService.update(session.interveniente, id, {
      evento: dto.evento,
      endpoint: dto.endpoint,
      chaveSecreta: dto.chaveSecreta,
    });
    if (!updated) throw notFound();
    return toWebhookView(updated);
  }

  /**
   * Deletion keeps the row (listed with `exibirInativos=true`) and cancels the subscription's PENDENTE
   * notifications (they become CANCELADA): the portal never delivers for a subscription that is gone.
   * Notifications already ENTREGUE or FALHA keep their state.
   */
  @Delete(':id')
  @HttpCode(200)
  async remove(@CurrentSession() session: PortalSession, @Param('id') rawId: string): Promise<void> {
    const removed = await this.subscriptionService.deactivate(parseId(rawId), 'Excluída pelo interveniente.', session.interveniente.id);
    if (!removed) throw notFound();
  }
}
