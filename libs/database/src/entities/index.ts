import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { EventRecord } from './event.entity.js';
import { Interveniente } from './interveniente.entity.js';
import { Notification } from './notification.entity.js';
import { PkiAuthority } from './pki-authority.entity.js';
import { Receipt } from './receipt.entity.js';
import { SimClock } from './sim-clock.entity.js';
import { Subscription } from './subscription.entity.js';

export * from './delivery-attempt.entity.js';
export * from './event.entity.js';
export * from './interveniente.entity.js';
export * from './notification.entity.js';
export * from './pki-authority.entity.js';
export * from './receipt.entity.js';
export * from './sim-clock.entity.js';
export * from './subscription.entity.js';

export const ENTITIES = [Interveniente, Subscription, EventRecord, Notification, DeliveryAttempt, Receipt, SimClock, PkiAuthority];
