import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { AppConfig } from '#config';
import { type JobDataByName, JobName, QueueName, redisConnection } from '#queue';
import { DeliveryService } from './delivery.service.js';

type Handlers = { [Name in JobName]: (data: JobDataByName[Name], slowLane: boolean) => Promise<void> };

/** The delivery queues' consumer, main lane and slow lane: thin, every job is handed to its service. */
@Injectable()
export class DeliveryWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly handlers: Handlers;
  private workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    delivery: DeliveryService,
  ) {
    this.handlers = { [JobName.Deliver]: (data, slowLane) => delivery.deliver(data, slowLane) };
  }

  onModuleInit(): void {
    const missing = Object.values(JobName).filter((name) => typeof this.handlers[name] !== 'function');
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);

    this.workers = [
      this.start(QueueName.Delivery, this.config.DELIVERY_CONCURRENCY, false),
      this.start(QueueName.DeliverySlow, this.config.DELIVERY_SLOW_LANE_CONCURRENCY, true),
    ];
  }

  private start(queue: QueueName, concurrency: number, slowLane: boolean): Worker {
    const worker = new Worker(queue, (job: Job) => this.handlers[job.name as JobName](job.data, slowLane), {
      connection: redisConnection(this.config.REDIS_URL),
      prefix: this.config.QUEUE_PREFIX,
      concurrency,
      // A worker killed mid-delivery loses its lock; the job goes back to the queue and is attempted again.
      lockDuration: this.config.QUEUE_LOCK_DURATION_MS,
      stalledInterval: this.config.QUEUE_LOCK_DURATION_MS,
      maxStalledCount: 100,
    });
    worker.on('error', (error) => this.logger.warn({ err: error, queue }, 'delivery worker error'));
    worker.on('failed', (job, error) => this.logger.warn({ notificationId: job?.data?.notificationId, err: error, queue }, 'delivery job failed'));
    return worker;
  }

  /** Graceful shutdown: in-flight deliveries finish and are recorded before the process leaves. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}
