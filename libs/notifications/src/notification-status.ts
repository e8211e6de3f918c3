/**
 * A notification's lifecycle: PENDENTE until it ends ENTREGUE (a receipt) or FALHA (attempts
 * exhausted); CANCELADA when its subscription went away first. The one place these values are spelt.
 */
export const NotificationStatus = {
  Pendente: 'PENDENTE',
  Entregue: 'ENTREGUE',
  Falha: 'FALHA',
  Cancelada: 'CANCELADA',
} as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];

export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = Object.values(NotificationStatus);
export const FINAL_STATUSES: readonly NotificationStatus[] = [NotificationStatus.Entregue, NotificationStatus.Falha, NotificationStatus.Cancelada];

/** Why a notification ended CANCELADA. */
export const CancellationCause = {
  SubscriptionDeleted: 'ASSINATURA_EXCLUIDA',
  SubscriptionInactive: 'ASSINATURA_INATIVA',
  SubscriptionExpired: 'ASSINATURA_CANCELADA_AUTOMATICAMENTE',
} as const;
