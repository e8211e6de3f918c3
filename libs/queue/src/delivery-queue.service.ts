import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { SIM_NOW_SQL } from '#clock';
import { AppConfig } from '#config';
import { DELIVER_JOB_OPTIONS, deliverJobId, type DeliverJobData, JobName, QueueName } from './queue.constants.js';
import { redisConnection } from './redis-options.js';

const RELAY_BATCH = 1_000;

/** The outbox's way into Redis: PostgreSQL decides what is due, the queue only carries it. */
@Injectable()
export class DeliveryQueue implements OnModuleDestroy {
  readonly queue: Queue<DeliverJobData>;
  readonly slowQueue: Queue<DeliverJobData>;

  constructor(
    private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {
    this.queue = new Queue(QueueName.Delivery, {
      connection: redisConnection(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    this.slowQueue = new Queue(QueueName.DeliverySlow, {
      connection: redisConnection(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
  }

  async enqueue(jobs: DeliverJobData[], queue: Queue<DeliverJobData> = this.queue): Promise<void> {
    if (jobs.length === 0) return;
    await queue.addBulk(jobs.map((data) => ({ name: JobName.Deliver, data, opts: { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(data) } })));
  }

  /** Moves an attempt to the slow lane; idempotent like `enqueue`. */
  async enqueueSlow(job: DeliverJobData): Promise<void> {
    await this.enqueue([job], this.slowQueue);
  }

  /**
   * Enqueues every pending notification that is due on the simulated clock and was not handed to the
   * queue within the lease: retries coming due, and anything Redis lost. One whose job Redis still holds
   * in either lane (waiting behind a slow endpoint, or active on a worker that BullMQ will hand back) is
   * not added again: only its lease is renewed. Returns how many it enqueued.
   */
  async relayDue(): Promise<number> {
    let total = 0;
    for (;;) {
      // TypeORM answers an UPDATE with [rows, count].
      const [rows]: [{ id: string; attempts: number; handed_before: boolean }[], number] = await this.dataSource.query(
        `WITH due AS (
           SELECT id, enqueued_at IS NOT NULL AS handed_before FROM notification
            WHERE status = 'PENDENTE' AND next_attempt_at <= ${SIM_NOW_SQL}
              AND (enqueued_at IS NULL OR enqueued_at < now() - $1 * interval '1 millisecond')
            ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE notification n SET enqueued_at = now() FROM due WHERE n.id = due.id
         RETURNING n.id, n.attempts, due.handed_before`,
        [this.config.RECONCILE_LEASE_MS, RELAY_BATCH],
      );
      const job = (row: (typeof rows)[number]) => ({ notificationId: row.id, attempt: row.attempts + 1 });
      // If Redis is down this throws and the rows wait for the lease to pass: nothing is lost.
      const lost = await this.notHeld(rows.filter((row) => row.handed_before).map(job));
      const relayed = [...rows.filter((row) => !row.handed_before).map(job), ...lost];
      await this.enqueue(relayed);
      total += relayed.length;
      if (rows.length < RELAY_BATCH) return total;
    }
  }

  /** Of jobs handed to Redis before, those neither lane holds any more. */
  private async notHeld(jobs: DeliverJobData[]): Promise<DeliverJobData[]> {
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
