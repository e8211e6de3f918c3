import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListNotificationsDto, WaitNotificationsDto } from './notification-query.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('Notificações')
@Controller('admin/notificacoes')
export class NotificacoesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@Query() query: ListNotificationsDto) {
    return this.notifications.list(query);
  }

  /** Blocks until the matching notifications are final (ENTREGUE, FALHA or CANCELADA). */
  @Get('aguardar')
  wait(@Query() query: WaitNotificationsDto) {
    return this.notifications.wait(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.get(id);
  }
}
