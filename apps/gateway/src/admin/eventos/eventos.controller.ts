import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { findCatalogEvent, type RecipientType } from '#catalog';
import { PortalValidationException } from '#common';
import { EventPublisher } from '../../business/events/event-publisher.service.js';
import { toEventoView } from '../../business/events/evento-view.js';

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

  /** The notification body; `dataEvento` is filled with the simulated time when absent. */
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

/** Emits any catalogue event with explicit recipients and payload. */
@ApiTags('Eventos')
@Controller('admin/eventos')
export class EventosController {
  constructor(private readonly publisher: EventPublisher) {}

  @Post()
  async emit(@Body() dto: EmitirEventoDto) {
    const event = findCatalogEvent(dto.evento);
    if (!event) {
      throw new PortalValidationException([
        { code: 'EVENTO_INEXISTENTE', field: 'evento', message: `O evento ${dto.evento} não existe no catálogo.` },
      ]);
    }
    const wrong = dto.destinatarios.findIndex((recipient) => recipient.tipo !== event.recipientType);
    if (wrong >= 0) {
      throw new PortalValidationException([
        {
          code: 'DESTINATARIO_INCOMPATIVEL',
          field: `destinatarios.${wrong}.tipo`,
          message: `O evento ${event.id} é destinado a ${event.recipientType}.`,
        },
      ]);
    }
    return toEventoView(await this.publisher.publish(event.id, dto.destinatarios, dto.payload));
  }
}
