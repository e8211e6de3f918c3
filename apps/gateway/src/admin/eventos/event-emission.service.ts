import { Injectable } from '@nestjs/common';
import { findCatalogEvent, stampPayload, validatePayload } from '#catalog';
import { ClockService, wholeSecond } from '#clock';
import { PortalValidationException } from '#common';
import { examplePayload } from '#domain';
import { EventPublisher } from '../../business/events/event-publisher.service.js';
import { toEventoView } from '../../business/events/evento-view.js';
import type { EmitirEventoDto } from './emitir-evento.dto.js';

const refuse = (code: string, field: string, message: string) => new PortalValidationException([{ code, field, message }], message);

/** `POST /admin/eventos`: any catalogue event to explicit recipients, its body checked against the event's schema. */
@Injectable()
export class EventEmission {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly clock: ClockService,
  ) {}

  async emit(dto: EmitirEventoDto) {
    const event = findCatalogEvent(dto.evento);
    if (!event) throw refuse('EVENTO_INEXISTENTE', 'evento', `O evento ${dto.evento} não existe no catálogo.`);
    const wrong = dto.destinatarios.findIndex((recipient) => recipient.tipo !== event.recipientType);
    if (wrong >= 0) {
      throw refuse('DESTINATARIO_INCOMPATIVEL', `destinatarios.${wrong}.tipo`, `O evento ${event.id} é destinado a ${event.recipientType}.`);
    }
    const at = wholeSecond(await this.clock.now());
    const payload = dto.payload === undefined ? examplePayload(event.id, at, dto.seed, event.recipientType === 'UF' ? dto.destinatarios.map((recipient) => recipient.id) : []) : stampPayload(event.id, dto.payload, at);
    if (dto.validarPayload !== false) {
      const check = validatePayload(event.id, payload);
      if (!check.valid) throw refuse('PAYLOAD_INVALIDO', check.field!, `Payload fora do schema de ${event.id}: ${check.errors.join('; ')}`);
    }
    return toEventoView(await this.publisher.publish(event.id, dto.destinatarios, payload, at));
  }
}
