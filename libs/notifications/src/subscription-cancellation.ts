import { SIM_NOW_SQL } from '#clock';
import type { Queryable } from '#common';
import { CancellationCause, NotificationStatus } from './notification-status.js';

/** The portal's rule: a subscription whose notifications have only failed for 30 days is cancelled. */
export const AUTO_CANCEL_AFTER_DAYS = 30;
export const AUTO_CANCEL_REASON = `Cancelada automaticamente: as notificações só falharam por ${AUTO_CANCEL_AFTER_DAYS} dias.`;

/** Which active subscriptions to cancel: one by id (of one owner, when given), or all failing for `days`. */
export type SubscriptionSelector = { id: number; ownerId?: string } | { failingForDays: number };

/**
 * Makes the active subscriptions `selector` picks inactive with `reason`, and cancels their PENDENTE
 * notifications with `cause`: the portal never sends for a subscription that is gone. One statement, so
 * the two changes land together. Returns the ids.
 */
export async function cancelSubscriptions(runner: Queryable, selector: SubscriptionSelector, reason: string, cause: string): Promise<number[]> {
  const [condition, parameters] =
    'id' in selector
      ? ['id = $3 AND ($4::uuid IS NULL OR interveniente_id = $4)', [selector.id, selector.ownerId ?? null]]
      : [`failing_since <= ${SIM_NOW_SQL} - make_interval(days => $3)`, [selector.failingForDays]];
  const rows: Array<{ id: number }> = await runner.query(
    `WITH gone AS (
       UPDATE subscription SET active = false, cancelled_at = ${SIM_NOW_SQL}, cancel_reason = $1
        WHERE active AND (${condition}) RETURNING id
     ), cancelled AS (
       UPDATE notification SET status = '${NotificationStatus.Cancelada}', last_cause = $2, next_attempt_at = NULL, completed_at = ${SIM_NOW_SQL}
        WHERE subscription_id IN (SELECT id FROM gone) AND status = '${NotificationStatus.Pendente}'
     )
     SELECT id FROM gone`,
    [reason, cause, ...parameters],
  );
  return rows.map((row) => row.id);
}

/** Cancels every subscription failing, with no receipt since, for 30 simulated days. */
export function expireFailingSubscriptions(runner: Queryable): Promise<number[]> {
  return cancelSubscriptions(runner, { failingForDays: AUTO_CANCEL_AFTER_DAYS }, AUTO_CANCEL_REASON, CancellationCause.SubscriptionExpired);
}

/** A notification still PENDENTE whose subscription went inactive ends CANCELADA instead of being sent. */
export async function cancelNotification(runner: Queryable, notificationId: string, cause: string): Promise<void> {
  await runner.query(
    `UPDATE notification SET status = '${NotificationStatus.Cancelada}', last_cause = $2, next_attempt_at = NULL,
            completed_at = ${SIM_NOW_SQL}
      WHERE id = $1 AND status = '${NotificationStatus.Pendente}'`,
    [notificationId, cause],
  );
}
