import { formatPortalDate } from '#clock';
import type { Subscription } from '#database';

export interface WebhookView {
  id: number;
  evento: string;
  endpoint: string;
  dataExclusao?: string;
  motivoExclusao?: string;
}

/** The portal's `{id, evento, endpoint}`; deleted ones add when and why. `chaveSecreta` is never returned. */
export function toWebhookView(subscription: Subscription): WebhookView {
  const view: WebhookView = { id: subscription.id, evento: subscription.evento, endpoint: subscription.endpoint };
  if (!subscription.active) {
    if (subscription.cancelledAt) view.dataExclusao = formatPortalDate(subscription.cancelledAt);
    if (subscription.cancelReason) view.motivoExclusao = subscription.cancelReason;
  }
  return view;
}
