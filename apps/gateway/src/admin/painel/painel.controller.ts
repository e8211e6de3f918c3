import { Controller, Get, type MessageEvent, Param, ParseUUIDPipe, Query, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { defer, exhaustMap, filter, interval, type Observable, startWith } from 'rxjs';
import { EVENT_CATALOG, subscriberTipo } from '#catalog';
import { PainelEntregasQueryDto, PainelGraficosQueryDto } from './painel-query.dto.js';
import { PainelService } from './painel.service.js';

const STREAM_POLL_MS = 400;
/** A `relogio` event at least this often, so the page's clock runs and proxies keep the stream open. */
const HEARTBEAT_MS = 5_000;

/** What the browser dashboard reads beyond the admin API (SPEC §9). */
@ApiTags('Painel')
@Controller('admin/painel')
export class PainelController {
  constructor(private readonly painel: PainelService) {}

  @Get('entregas')
  deliveries(@Query() query: PainelEntregasQueryDto) {
    return this.painel.deliveries(query);
  }

  @Get('entregas/:id')
  delivery(@Param('id', ParseUUIDPipe) id: string) {
    return this.painel.delivery(id);
  }

  @Get('assinaturas')
  subscriptions() {
    return this.painel.subscriptions();
  }

  /** The catalogue for the forms: who may subscribe to each event and whom it goes to. */
  @Get('eventos')
  events() {
    return EVENT_CATALOG.map((event) => ({ ...event, tipoAssinante: subscriberTipo(event) }));
  }

  @Get('graficos')
  charts(@Query() query: PainelGraficosQueryDto) {
    return this.painel.charts(query);
  }

  /**
   * Server-sent events: `entregas` when an attempt is made or a notification appears or ends (with the new
   * attempts), `relogio` with the simulated time. Polls PostgreSQL, the one place every worker writes to.
   * The page reads it with fetch, so the admin token travels in the Authorization header, never in the URL.
   */
  @Sse('stream')
  stream(): Observable<MessageEvent> {
    let last: { tentativa: number; notificacoes: number; pendentes: number } | undefined;
    let lastBeat = 0;
    return interval(STREAM_POLL_MS).pipe(
      startWith(0),
      exhaustMap(() =>
        defer(async (): Promise<MessageEvent | null> => {
          const now = await this.painel.fingerprint();
          const changed = !last || now.tentativa !== last.tentativa || now.notificacoes !== last.notificacoes || now.pendentes !== last.pendentes;
          if (changed) {
            // After a reset the attempt ids start again: send none of the old cursor's.
            const tentativas = last && now.tentativa > last.tentativa ? await this.painel.attemptsAfter(last.tentativa) : [];
            last = now;
            lastBeat = Date.now();
            return { type: 'entregas', data: { ...now, tentativasNovas: tentativas } };
          }
          if (Date.now() - lastBeat < HEARTBEAT_MS) return null;
          lastBeat = Date.now();
          return { type: 'relogio', data: { agora: now.agora } };
        }),
      ),
      filter((event): event is MessageEvent => event !== null),
    );
  }
}
