import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import {
  CancellationCause,
  cancelNotification,
  deferAttempt,
  DeliveryTargetLoader,
  EndpointLanes,
  isStaleAttempt,
  notificationHeaders,
  outcomeLabel,
  receiverTrust,
  WebhookClient,
  type WebhookResponse,
} from '#notifications';
import { maintenanceEnd, platformSettings, PlatformStateReader } from '#platform';
import { type DeliverJobData, DeliveryQueue } from '#queue';
import { sha256 } from '#receipts';
import { AuthorityService } from '#authority';
import { attemptDuration, deliveriesTotal } from '#runtime';
import { DeliveryRecorder } from './delivery-recorder.service.js';

/** One portal attempt: read the notification, POST it as the portal does, record what happened. */
@Injectable()
export class DeliveryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryService.name);
  private client: WebhookClient;
  private readonly targets: DeliveryTargetLoader;
  private readonly lanes: EndpointLanes;
  private readonly platformState: PlatformStateReader;
  private nextEgress = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: DeliveryRecorder,
    private readonly config: AppConfig,
    private readonly authority: AuthorityService,
    private readonly deliveryQueue: DeliveryQueue,
  ) {
    this.targets = new DeliveryTargetLoader(dataSource);
    this.platformState = new PlatformStateReader(dataSource);
    this.lanes = new EndpointLanes(Math.max(1, Math.ceil(config.DELIVERY_CONCURRENCY / 8)), Math.min(1_000, config.DELIVERY_TIMEOUT_MS / 2));
  }

  /** After the authority has loaded the simulator's CA. */
  onModuleInit(): void {
    this.client = new WebhookClient({
      timeoutMs: this.config.DELIVERY_TIMEOUT_MS,
      ca: receiverTrust(this.authority.trustedCaPems(), this.config.EXTRA_CA_FILES),
      dnsServers: this.config.DNS_SERVERS,
      publicAddressesOnly: this.config.ENDPOINT_POLICY === 'portal',
    });
  }

  /** `slowLane`: the job came from the slow lane's queue, where it stays whatever the endpoint does. */
  async deliver({ notificationId, attempt }: DeliverJobData, slowLane = false): Promise<void> {
    const target = await this.targets.load(notificationId);
    // A stale job (the attempt was already made, or the notification is final or gone): nothing to do.
    if (!target || isStaleAttempt(target, attempt)) return;
    if (!target.subscription_active) {
      await cancelNotification(this.dataSource, notificationId, CancellationCause.SubscriptionInactive);
      return;
    }

    // The portal sends nothing during its maintenance window: the attempt waits for the window's end.
    const { now, maintenance } = platformSettings(await this.platformState.read(), this.config);
    const windowEnd = maintenanceEnd(now, maintenance);
    if (windowEnd) {
      await deferAttempt(this.dataSource, notificationId, attempt, windowEnd);
      return;
    }

    if (!slowLane && this.lanes.isSlow(target.endpoint)) {
      await this.deliveryQueue.enqueueSlow({ notificationId, attempt });
      return;
    }

    const body = JSON.stringify(target.payload);
    const sourceAddress = this.pickEgress();
    const headers = notificationHeaders({
      notificationId,
      evento: target.evento,
      recipientType: target.recipient_type,
      recipientId: target.recipient_id,
      secret: target.secret,
    });

    this.lanes.started(target.endpoint);
    let response: WebhookResponse | undefined;
    try {
      response = await this.client.send({ endpoint: target.endpoint, headers, body, sourceAddress });
    } finally {
      this.lanes.finished(target.endpoint, response?.durationMs ?? 0, response?.cause ?? 'ERRO_DESCONHECIDO');
    }
    const outcome = outcomeLabel(response.cause);
    deliveriesTotal.inc({ outcome });
    attemptDuration.observe({ outcome }, response.durationMs / 1000);
    // Every attempt is stored with its outcome; the log line is for debugging, off the hot path at info.
    this.logger.debug({ notificationId, attempt, cause: response.cause, durationMs: response.durationMs }, 'delivery attempt');

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

  private pickEgress(): string | undefined {
    const addresses = this.config.EGRESS_ADDRESSES;
    if (addresses.length === 0) return undefined;
    this.nextEgress = (this.nextEgress + 1) % addresses.length;
    return addresses[this.nextEgress];
  }
}
