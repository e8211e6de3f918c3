import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { catalogView, EVENT_CATALOG, PAYLOAD_SCHEMAS } from '#catalog';
import { EmitirEventoDto } from './emitir-evento.dto.js';
import { EventEmission } from './event-emission.service.js';

/** Emits any catalogue event with explicit recipients; shows the catalogue with each entry's provenance and schema. */
@ApiTags('Eventos')
@Controller('admin/eventos')
export class EventosController {
  constructor(private readonly emission: EventEmission) {}

  @Post()
  emit(@Body() dto: EmitirEventoDto) {
    return this.emission.emit(dto);
  }

  /** The whole catalogue: recipients, provenance and the payload schema of every entry. */
  @Get('catalogo')
  catalogue() {
    return EVENT_CATALOG.map((event) => ({ ...catalogView(event), schema: PAYLOAD_SCHEMAS[event.id] }));
  }
}
