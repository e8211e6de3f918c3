import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { catalogView, EVENT_CATALOG, type EventPayload, findCatalogEvent, PAYLOAD_SCHEMAS, type RecipientType, stampPayload, validatePayload } from '#catalog';
import { ClockService, wholeSecond } from '#clock';
import { PortalValidationException } from '#common';
import { examplePayload } from '#domain';
import { EventPublisher } from '../../business/events/event-publisher.service.js';
import { toEventoView } from '../../business/events/evento-view.js';
import { IsPayload } from './is-payload.js';

export class DestinatarioDto {
  @IsIn(['UF', 'ORGAO', 'NI'])
  tipo: RecipientType;

  /** UF (`SP`), órgão (`ANVISA`) or NI (CNPJ/CPF). */
  @IsString()
  @Length(2, 20)
  id: string;
}

export class EmitirEventoDto {
  @IsString()
  evento: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DestinatarioDto)
  destinatarios: DestinatarioDto[];

  /**
   * The notification body (an object, or an array where the event's is one); its time field is filled with
   * the simulated time when absent. Without it, a valid example body is generated from `seed`.
   */
  @IsOptional()
  @IsPayload()
  payload?: EventPayload;

  /** `false` sends a payload that breaks the event's schema, for receivers' negative tests. */
  @IsOptional()
  @IsBoolean()
  validarPayload?: boolean;

  /** Seed of the generated example body (same seed, same body). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;
}

const refuse = (code: string, field: string, message: string) => new PortalValidationException([{ code, field, message }], message);

/** Emits any catalogue event with explicit recipients; shows the catalogue with each entry's provenance and schema. */
@ApiTags('Eventos')
@Controller('admin/eventos')
export class EventosController {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly clock: ClockService,
  ) {}

  @Post()
  async emit(@Body() dto: EmitirEventoDto) {
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

  /** The whole catalogue: recipients, provenance and the payload schema of every entry. */
  @Get('catalogo')
  catalogue() {
    return EVENT_CATALOG.map((event) => ({ ...catalogView(event), schema: PAYLOAD_SCHEMAS[event.id] }));
  }
}
