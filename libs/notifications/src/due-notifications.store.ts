import { SIM_NOW_SQL } from '#clock';
import type { Queryable } from '#common';
import { NotificationStatus } from './notification-status.js';

/** A pending notification whose next attempt is due. */
export interface DueNotification {
  id: string;
  /** The attempt to make now. */
  attempt: number;
  /** Handed to the queue before: Redis may still hold its job. */
  handedBefore: boolean;
}

/**
 * Claims up to `limit` pending notifications that are due on the simulated clock and were not handed to
 * the queue within the lease (`leaseMs`, real time): retries coming due, and anything Redis lost. The
 * claim renews their lease, so concurrent reconcilers never claim the same row twice within it.
 */
export async function claimDueNotifications(runner: Queryable, leaseMs: number, limit: number): Promise<DueNotification[]> {
  // TypeORM answers an UPDATE with [rows, count].
  const [rows]: [{ id: string; attempts: number; handed_before: boolean }[], number] = await runner.query(
    `WITH due AS (
       SELECT id, enqueued_at IS NOT NULL AS handed_before FROM notification
        WHERE status = '${NotificationStatus.Pendente}' AND next_attempt_at <= ${SIM_NOW_SQL}
          AND (enqueued_at IS NULL OR enqueued_at < now() - $1 * interval '1 millisecond')
        ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE notification n SET enqueued_at = now() FROM due WHERE n.id = due.id
     RETURNING n.id, n.attempts, due.handed_before`,
    [leaseMs, limit],
  );
  return rows.map((row) => ({ id: row.id, attempt: row.attempts + 1, handedBefore: row.handed_before }));
}

/**
 * Puts attempt `attempt` off until `until` without making it: the portal sends nothing during its
 * maintenance window, and an attempt that falls in it is not a failure. The reconciler hands it to the
 * queue again once it is due.
 */
export async function deferAttempt(runner: Queryable, notificationId: string, attempt: number, until: Date): Promise<void> {
  await runner.query(
    `UPDATE notification SET next_attempt_at = $3, enqueued_at = NULL
      WHERE id = $1 AND status = '${NotificationStatus.Pendente}' AND attempts = $2 - 1`,
    [notificationId, attempt, until],
  );
}
