import type { JobsOptions } from 'bullmq';

export enum QueueName {
  Delivery = 'delivery',
  /** Attempts to endpoints that answer slowly or time out (the worker moves them here). */
  DeliverySlow = 'delivery-slow',
}

export enum JobName {
  /** One attempt to POST a notification to its subscription's endpoint. */
  Deliver = 'deliver',
}

export interface DeliverJobData {
  notificationId: string;
  /** 1-based number of the attempt this job makes. */
  attempt: number;
}

export interface JobDataByName {
  [JobName.Deliver]: DeliverJobData;
}

/** One job per attempt: enqueueing the same attempt twice is a no-op while the job exists. */
export function deliverJobId(data: DeliverJobData): string {
  return `${data.notificationId}.${data.attempt}`;
}

export const DELIVER_JOB_OPTIONS: JobsOptions = {
  // Retries here cover infrastructure errors (PostgreSQL down while recording), not receivers' failures,
  // which are portal attempts scheduled on the simulated clock.
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  // Removed either way, so the reconciler can always enqueue a due attempt again: PostgreSQL is the truth.
  removeOnComplete: true,
  removeOnFail: true,
};
