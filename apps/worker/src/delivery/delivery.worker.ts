import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { AppConfig } from '#config';
import { type JobDataByName, JobName, QueueName, redisConnection } from '#queue';
import { DeliveryService } from './delivery.service.js';

type Handlers = { [Name in JobName]: (data: JobDataByName[Name]) => Promise<void> };

/** The delivery queue's consumer: thin, every job is handed to its service. */
@Injectable()
export class DeliveryWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly handlers: Handlers;
  private worker?: Worker;

  constructor(
    private readonly config: AppConfig,
    delivery: DeliveryService,
  ) {
    this.handlers = { [JobName.Deliver]: (data) => delivery.deliver(data) };
  }

  onModuleInit(): void {
    const missing = Object.values(JobName).filter((name) => typeof this.handlers[name] !== 'function');
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);

    this.worker = new Worker(QueueName.Delivery, (job: Job) => this.handlers[job.name as JobName](job.data), {
      connection: redisConnection(this.config.REDIS_URL),
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.DELIVERY_CONCURRENCY,
      // A worker killed mid-delivery loses its lock; the job goes back to the queue and is attempted again.
      lockDuration: this.config.QUEUE_LOCK_DURATION_MS,
      stalledInterval: this.config.QUEUE_LOCK_DURATION_MS,
      maxStalledCount: 100,
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'delivery worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ notificationId: job?.data?.notificationId, err: error }, 'delivery job failed'),
    );
  }

  /** Graceful shutdown: in-flight deliveries finish and are recorded before the process leaves. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}
