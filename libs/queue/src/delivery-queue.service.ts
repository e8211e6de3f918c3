import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '#config';
import { DELIVER_JOB_OPTIONS, deliverJobId, type DeliverJobData, JobName, QueueName } from './queue.constants.js';
import { producerConnection } from './redis-options.js';

/** Longest a committed request waits for its jobs to reach Redis before answering anyway. */
export const ENQUEUE_WAIT_MS = 1_000;
/** Enqueues still unanswered past which new ones are left to the reconciler: nothing piles up in memory. */
export const MAX_PENDING_ENQUEUES = 32;

/** The outbox's way into Redis: PostgreSQL decides what is due, the queue only carries it. */
@Injectable()
export class DeliveryQueue implements OnModuleDestroy {
  readonly queue: Queue<DeliverJobData>;
  readonly slowQueue: Queue<DeliverJobData>;
  private pendingEnqueues = 0;

  constructor(config: AppConfig) {
    this.queue = new Queue(QueueName.Delivery, {
      connection: producerConnection(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    this.slowQueue = new Queue(QueueName.DeliverySlow, {
      connection: producerConnection(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
  }

  async enqueue(jobs: DeliverJobData[], queue: Queue<DeliverJobData> = this.queue): Promise<void> {
    if (jobs.length === 0) return;
    await queue.addBulk(jobs.map((data) => ({ name: JobName.Deliver, data, opts: { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(data) } })));
  }

  /**
   * Enqueues jobs whose notifications are already committed, waiting at most `ENQUEUE_WAIT_MS`: true once
   * Redis has them, false when it is away, slow or already behind (the reconciler enqueues them later).
   */
  async enqueueCommitted(jobs: DeliverJobData[]): Promise<boolean> {
    if (jobs.length === 0) return true;
    if (this.pendingEnqueues >= MAX_PENDING_ENQUEUES) return false;
    this.pendingEnqueues += 1;
    const added = this.enqueue(jobs).then(
      () => true,
      () => false,
    );
    void added.finally(() => (this.pendingEnqueues -= 1));
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ENQUEUE_WAIT_MS)));
    try {
      return await Promise.race([added, gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Moves an attempt to the slow lane; idempotent like `enqueue`. */
  async enqueueSlow(job: DeliverJobData): Promise<void> {
    await this.enqueue([job], this.slowQueue);
  }

  /** Of jobs handed to Redis before, those neither lane holds any more (lost to a restart or a flush). */
  async notHeld(jobs: DeliverJobData[]): Promise<DeliverJobData[]> {
    if (jobs.length === 0) return jobs;
    const client = await this.queue.getBackend().client;
    // A job is a hash under its id; the commands go out together on the one connection.
    const held = await Promise.all(
      jobs.map(async (job) => {
        const id = deliverJobId(job);
        const [main, slow] = await Promise.all([client.hexists(this.queue.toKey(id), 'data'), client.hexists(this.slowQueue.toKey(id), 'data')]);
        return main + slow > 0;
      }),
    );
    return jobs.filter((_, index) => !held[index]);
  }

  async depth(): Promise<Record<string, number>> {
    const states = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
    const [main, slow] = await Promise.all([this.queue.getJobCounts(...states), this.slowQueue.getJobCounts(...states)]);
    return Object.fromEntries(states.map((state) => [state, (main[state] ?? 0) + (slow[state] ?? 0)]));
  }

  /** Empties both lanes (admin reset). */
  async drain(): Promise<void> {
    await Promise.all([this.queue.drain(true), this.slowQueue.drain(true)]);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.queue.close(), this.slowQueue.close()]);
  }
}
