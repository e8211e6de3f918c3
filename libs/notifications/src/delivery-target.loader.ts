import type { DataSource } from 'typeorm';
import type { NotificationStatus } from './notification-status.js';

/** What one attempt needs: the notification's state, its subscription and its event's payload. */
export interface DeliveryTarget {
  id: string;
  status: NotificationStatus;
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

// Planned on every call, not prepared: a plan cached while the tables were small keeps its sequential
// scans as they grow (nothing re-plans it when autovacuum is off). Planning is paid once per batch.
const SELECT_TARGETS = `SELECT n.id, n.status, n.attempts, n.evento, n.recipient_type, n.recipient_id, n.subscription_id,
          s.endpoint, s.secret, s.active AS subscription_active, e.payload
     FROM notification n
     JOIN subscription s ON s.id = n.subscription_id
     JOIN event e ON e.id = n.event_id
    WHERE n.id = ANY($1::uuid[])`;

interface Waiter {
  resolve: (target: DeliveryTarget | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Loads the targets of the jobs running at once with one query instead of one per job: the first load
 * waits for the current tick, and while a query runs the next batch gathers.
 */
export class DeliveryTargetLoader {
  private waiting = new Map<string, Waiter[]>();
  private running = false;
  private scheduled = false;

  constructor(private readonly dataSource: DataSource) {}

  load(notificationId: string): Promise<DeliveryTarget | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(notificationId);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(notificationId, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running || this.waiting.size === 0) return;
    this.running = true;
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      const rows: DeliveryTarget[] = await this.dataSource.query(SELECT_TARGETS, [[...batch.keys()]]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const [id, waiters] of batch) for (const waiter of waiters) waiter.resolve(byId.get(id));
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    } finally {
      this.running = false;
      if (this.waiting.size > 0) this.schedule();
    }
  }
}
