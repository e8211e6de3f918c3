import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type EventPayload, findCatalogEvent, stampPayload, validatePayload } from '#catalog';
import { formatPortalDate, simNow, wholeSecond } from '#clock';
import { isUniqueViolation, PortalValidationException } from '#common';
import type { Recipient } from '#database';
import { EventPublisher, type PublishedEvent } from './events/event-publisher.service.js';
import { toEventoView } from './events/evento-view.js';

export interface WorkContext {
  manager: EntityManager;
  /** Simulated time of the action: the rows it writes and the events it emits all carry it. */
  now: Date;
  /** Records a catalogue event in the action's transaction; it is queued only once the action commits. */
  emit: (evento: string, recipients: Recipient[], payload: EventPayload) => Promise<PublishedEvent>;
}

export interface WorkOutcome<T> {
  result: T;
  events: PublishedEvent[];
}

/**
 * Runs a business action in one transaction: the state change and the events it causes commit together,
 * and a refused action (a thrown PortalValidationException) leaves no row and emits nothing.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  async run<T>(action: (context: WorkContext) => Promise<T>): Promise<WorkOutcome<T>> {
    const events: PublishedEvent[] = [];
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const now = wholeSecond(await simNow(manager));
        const emit = async (evento: string, recipients: Recipient[], payload: EventPayload) => {
          const event = findCatalogEvent(evento);
          if (!event) throw new Error(`Unknown catalogue event ${evento}`);
          if (recipients.some((recipient) => recipient.tipo !== event.recipientType)) {
            throw new Error(`${evento} is addressed to ${event.recipientType}, got ${JSON.stringify(recipients)}`);
          }
          const body = stampPayload(evento, payload, now);
          // A payload off its schema is a bug here, never the caller's fault: fail loudly, write nothing.
          const check = validatePayload(evento, body);
          if (!check.valid) throw new Error(`Payload of ${evento} breaks its schema: ${check.errors.join('; ')}`);
          const published = await this.publisher.record(manager, evento, recipients, body, now);
          events.push(published);
          return published;
        };
        return action({ manager, now, emit });
      });
    } catch (error) {
      // Two requests raced for the same unique business key: the loser is told, not given a 500.
      if (isUniqueViolation(error)) {
        throw new PortalValidationException(
          [{ code: 'CONFLITO', field: '', message: 'Outra operação alterou este objeto ao mesmo tempo; repita a requisição.' }],
          'Conflito de concorrência.',
        );
      }
      throw error;
    }
    await this.publisher.dispatch(events);
    return { result, events };
  }
}


/** A scenario's response: the business object and the events the action emitted. */
export function scenarioResponse<T>(key: string, outcome: WorkOutcome<T>) {
  return { [key]: outcome.result, eventos: outcome.events.map(toEventoView) };
}

/** Refuses an action with the portal's validation body, the reason as the message. */
export function refuse(code: string, field: string, message: string): never {
  throw new PortalValidationException([{ code, field, message }], message);
}

/** The 2-digit year of a simulated instant in Brasília time (Duimp and LPCO numbers start with it). */
export function brasiliaYear(at: Date): string {
  return formatPortalDate(at).slice(2, 4);
}

/** Calendar date (`yyyy-MM-dd`) in Brasília time, `days` later. */
export function brasiliaDate(at: Date, days = 0): string {
  return formatPortalDate(new Date(at.getTime() + days * 86_400_000)).slice(0, 10);
}
