import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { calculateIcms } from './icms-calculator.js';
import { type InboxRow, InboxState, type InboxStore } from './inbox.store.js';
import type { PortalClient } from './portal-client.js';
import { INBOX, PORTAL } from './receptor.tokens.js';

const MAX_ATTEMPTS = 5;
const IDLE_POLL_MS = 200;

/**
 * The slow part, after the 200 went back: reads the Duimp through the portal API and, when asked,
 * answers the ICMS calculation. A failure worth retrying (portal down, 5xx) leaves the row pending.
 */
@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationProcessor.name);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private current: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(INBOX) private readonly inbox: InboxStore,
    @Inject(PORTAL) private readonly portal: PortalClient,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.inbox.claim(10, (row) => this.process(row)).then(
        (count) => this.schedule(count > 0 ? 0 : IDLE_POLL_MS),
        (error) => {
          this.logger.warn({ err: error }, 'inbox unavailable; retrying');
          this.schedule(IDLE_POLL_MS * 5);
        },
      );
    }, delayMs);
  }

  private async process(row: InboxRow): Promise<{ situacao: string; resultado: unknown }> {
    try {
      const resultado = await this.handle(row);
      return { situacao: InboxState.Processed, resultado };
    } catch (error) {
      const retry = (error as { retry?: boolean }).retry !== false && row.attempts + 1 < MAX_ATTEMPTS;
      this.logger.warn({ idNotificacao: row.id_notificacao, err: error, retry }, 'processing failed');
      return { situacao: retry ? InboxState.ToProcess : InboxState.Failed, resultado: { erro: String((error as Error).message) } };
    }
  }

  private async handle(row: InboxRow): Promise<unknown> {
    if (row.evento.startsWith('dimp-')) {
      const duimp = await this.read(`/duimp-api/api/ext/sefaz/duimp/${row.payload.numero}`);
      return { situacaoDeclaracao: duimp.situacaoDeclaracao };
    }
    if (row.evento === 'pcce-calculo-icms') {
      const duimp = await this.read(`/duimp-api/api/ext/sefaz/duimp/${row.payload.numeroDeclaracao}`);
      const calculo = calculateIcms(row.payload, duimp, new Date());
      const answer = await this.portal.call('POST', '/pcce/api/ext/sefaz/icms', calculo);
      if (answer.status !== 201) throw failure(`ICMS answer refused: ${answer.status} ${JSON.stringify(answer.body)}`, answer.status);
      return { icms: calculo.valorTotalaRecolher };
    }
    // Events this Sefaz does not act on are kept, answered and marked done.
    return null;
  }

  private async read(path: string): Promise<any> {
    const answer = await this.portal.call('GET', path);
    if (answer.status !== 200) throw failure(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`, answer.status);
    return answer.body;
  }
}

/** A 4xx will not get better by retrying; a 5xx or a network error may. */
function failure(message: string, status: number): Error {
  return Object.assign(new Error(message), { retry: status >= 500 });
}
