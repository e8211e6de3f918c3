import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { type AttemptRecord, recordAttempts, type RetryRule } from '#notifications';

interface Pending {
  record: AttemptRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Attempts finishing together are committed together (group commit): while one transaction runs the next
 * batch gathers, so the database sees a few large writes instead of one per delivery, and the receipt
 * chain is extended once per batch. `record()` resolves only after the commit, so a job completes only
 * once its outcome is durable.
 */
@Injectable()
export class DeliveryRecorder {
  private queued: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly rule: RetryRule;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.rule = { maxAttempts: config.DELIVERY_MAX_ATTEMPTS, retryDelayMs: config.DELIVERY_RETRY_DELAY_MS };
  }

  record(record: AttemptRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ record, resolve, reject });
      if (!this.flushing) this.flushing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      try {
        await this.dataSource.transaction((manager) => recordAttempts(manager, batch.map((item) => item.record), this.rule));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = null;
  }
}
