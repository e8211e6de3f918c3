import { SIM_NOW_SQL } from '#clock';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The portal's rule: a subscription whose notifications have only failed for 30 days is cancelled. */
export const AUTO_CANCEL_AFTER_DAYS = 30;
export const AUTO_CANCEL_REASON = `Cancelada automaticamente: as notificações só falharam por ${AUTO_CANCEL_AFTER_DAYS} dias.`;

/**
 * Makes the active subscriptions matching `condition` (SQL over `subscription`, parameters from $3 on)
 * inactive with `reason`, and cancels their PENDENTE notifications with `cause`: the portal never sends
 * for a subscription that is gone. One statement, so the two changes land together. Returns the ids.
 */
export async function deactivateSubscriptions(
  runner: Queryable,
  condition: string,
  parameters: unknown[],
  reason: string,
  cause: string,
): Promise<number[]> {
  const rows = (await runner.query(
    `WITH gone AS (
       UPDATE subscription SET active = false, cancelled_at = ${SIM_NOW_SQL}, cancel_reason = $1
        WHERE active AND (${condition}) RETURNING id
     ), cancelled AS (
       UPDATE notification SET status = 'CANCELADA', last_cause = $2, next_attempt_at = NULL, completed_at = ${SIM_NOW_SQL}
        WHERE subscription_id IN (SELECT id FROM gone) AND status = 'PENDENTE'
     )
     SELECT id FROM gone`,
    [reason, cause, ...parameters],
  )) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

/** Cancels every subscription failing, with no receipt since, for 30 simulated days. */
export function expireFailingSubscriptions(runner: Queryable): Promise<number[]> {
  return deactivateSubscriptions(
    runner,
    `failing_since <= ${SIM_NOW_SQL} - make_interval(days => $3)`,
    [AUTO_CANCEL_AFTER_DAYS],
    AUTO_CANCEL_REASON,
    'ASSINATURA_CANCELADA_AUTOMATICAMENTE',
  );
}
