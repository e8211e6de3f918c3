import { Module } from '@nestjs/common';
import { DocumentActions } from './anexacao/document-actions.service.js';
import { DuimpActions } from './duimp/duimp-actions.service.js';
import { EventPublisher } from './events/event-publisher.service.js';
import { LpcoActions } from './lpco/lpco-actions.service.js';
import { IcmsActions } from './pcce/icms-actions.service.js';
import { EndpointPolicy } from './subscriptions/endpoint-policy.js';
import { SubscriptionService } from './subscriptions/subscription.service.js';
import { UnitOfWork } from './unit-of-work.service.js';

const SHARED = [EventPublisher, UnitOfWork, SubscriptionService, DuimpActions, IcmsActions, DocumentActions, LpcoActions];

/**
 * The business both audiences act on: the admin scenarios and the portal APIs run the same actions, so a
 * change made through either emits the same events to the same recipients. It takes an interveniente,
 * never a portal session.
 */
@Module({ providers: [...SHARED, EndpointPolicy], exports: SHARED })
export class BusinessModule {}
