import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { attemptDuration, deliveriesTotal } from '#common';
import { SIM_NOW_SQL } from '#clock';
import { AppConfig } from '#config';
import type { DeliverJobData } from '#queue';
import { sha256 } from '#receipts';
import { AuthorityService } from '#authority';
import { DeliveryRecorder } from './delivery-recorder.service.js';
import { WebhookClient } from './webhook-client.js';

interface DeliveryTarget {
  status: string;
  attempts: number;
  evento: string;
  recipient_type: string;
  recipient_id: string;
  subscription_id: number;
  endpoint: string;
  secret: string | null;
  subscription_active: boolean;
  payload: Record<string, unknown>;
}

/** Groups causes for metrics, so label cardinality stays small. */
function outcomeLabel(cause: string): string {
  if (cause === 'OK') return 'ok';
  if (cause.startsWith('HTTP_')) return 'http';
  if (cause === 'TIMEOUT') return 'timeout';
  if (cause.startsWith('TLS_')) return 'tls';
  if (/^E(CONN|HOST|NET|ADDR|NOTFOUND|AI_)/.test(cause)) return 'connection';
  return 'other';
}

/** One portal attempt: read the notification, POST it as the portal does, record what happened. */
@Injectable()
export class DeliveryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryService.name);
  private client: WebhookClient;
  private nextEgress = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: DeliveryRecorder,
    private readonly config: AppConfig,
    private readonly authority: AuthorityService,
  ) {}

  /** After the authority has loaded the simulator's CA. */
  onModuleInit(): void {
    this.client = new WebhookClient({
      timeoutMs: this.config.DELIVERY_TIMEOUT_MS,
      // Node's `ca` replaces the system roots: list them with the simulator's own CA and the extras.
      ca: [
        ...rootCertificates,
        ...this.authority.trustedCaPems(),
        ...this.config.EXTRA_CA_FILES.map((file) => readFileSync(file, 'utf8')),
      ],
    });
  }

  async deliver({ notificationId, attempt }: DeliverJobData): Promise<void> {
    const [target]: DeliveryTarget[] = await this.dataSource.query(
      `SELECT n.status, n.attempts, n.evento, n.recipient_type, n.recipient_id, n.subscription_id,
              s.endpoint, s.secret, s.active AS subscription_active, e.payload
         FROM notification n
         JOIN subscription s ON s.id = n.subscription_id
         JOIN event e ON e.id = n.event_id
        WHERE n.id = $1`,
      [notificationId],
    );
    // A stale job (the attempt was already made, or the notification is final): nothing to do.
    if (!target || target.status !== 'PENDENTE' || target.attempts !== attempt - 1) return;
    if (!target.subscription_active) {
      await this.cancel(notificationId);
      return;
    }

    const body = JSON.stringify(target.payload);
    const sourceAddress = this.pickEgress();
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'event-type': target.evento,
      'destinatario-tipo': target.recipient_type,
      'destinatario-id': target.recipient_id,
      'id-notificacao': notificationId,
    };
    if (target.secret) headers.secret = target.secret;

    const response = await this.client.send({ endpoint: target.endpoint, headers, body, sourceAddress });
    const outcome = outcomeLabel(response.cause);
    deliveriesTotal.inc({ outcome });
    attemptDuration.observe({ outcome }, response.durationMs / 1000);
    this.logger.log({ notificationId, attempt, cause: response.cause, durationMs: response.durationMs }, 'delivery attempt');

    await this.recorder.record({
      notificationId,
      subscriptionId: target.subscription_id,
      attempt,
      evento: target.evento,
      endpoint: target.endpoint,
      sourceAddress: sourceAddress ?? null,
      payloadSha256: sha256(body),
      response,
    });
  }

  onModuleDestroy(): void {
    this.client.close();
  }

  /** A deleted subscription's pending notifications are not sent: they end CANCELADA. */
  private async cancel(notificationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET status = 'CANCELADA', last_cause = 'ASSINATURA_INATIVA', next_attempt_at = NULL,
              completed_at = ${SIM_NOW_SQL}
        WHERE id = $1 AND status = 'PENDENTE'`,
      [notificationId],
    );
  }

  private pickEgress(): string | undefined {
    const addresses = this.config.EGRESS_ADDRESSES;
    if (addresses.length === 0) return undefined;
    this.nextEgress = (this.nextEgress + 1) % addresses.length;
    return addresses[this.nextEgress];
  }
}
