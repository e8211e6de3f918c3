import type { PublishedEvent } from './event-publisher.service.js';

/** The response view of an emitted event, as `POST /admin/eventos` answers it. */
export function toEventoView(event: PublishedEvent) {
  return {
    id: event.id,
    evento: event.evento,
    payload: event.payload,
    notificacoes: event.notifications.map((notification) => ({
      id: notification.id,
      assinatura: notification.subscriptionId,
      destinatario: notification.recipient,
    })),
  };
}
