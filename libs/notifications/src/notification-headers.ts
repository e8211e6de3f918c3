/** What identifies one notification to its receiver. */
export interface NotificationHeaderFields {
  notificationId: string;
  evento: string;
  recipientType: string;
  recipientId: string;
  /** The subscription's chaveSecreta, echoed in `secret` when set. */
  secret: string | null;
}

/** The headers the portal sends with a notification (SPEC §7); the dashboard shows the same ones. */
export function notificationHeaders(fields: NotificationHeaderFields): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'event-type': fields.evento,
    'destinatario-tipo': fields.recipientType,
    'destinatario-id': fields.recipientId,
    'id-notificacao': fields.notificationId,
  };
  if (fields.secret) headers.secret = fields.secret;
  return headers;
}
