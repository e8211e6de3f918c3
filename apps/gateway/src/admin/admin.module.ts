import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminTokenGuard } from '#common';
import { Interveniente, Subscription } from '#database';
import { EventsModule } from '../events/events.module.js';
import { PkiModule } from '../pki/pki.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { AssinaturasController } from './assinaturas/assinaturas.controller.js';
import { EventosController } from './eventos/eventos.controller.js';
import { IntervenientesController } from './intervenientes/intervenientes.controller.js';
import { NotificacoesController } from './notificacoes/notificacoes.controller.js';
import { NotificationsService } from './notificacoes/notifications.service.js';
import { RecibosController } from './recibos/recibos.controller.js';
import { RelogioController } from './relogio/relogio.controller.js';
import { ResetController } from './reset/reset.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Interveniente, Subscription]), EventsModule, SubscriptionsModule, PkiModule, ScenariosModule],
  controllers: [
    IntervenientesController,
    AssinaturasController,
    EventosController,
    NotificacoesController,
    RecibosController,
    RelogioController,
    ResetController,
  ],
  providers: [NotificationsService, { provide: APP_GUARD, useClass: AdminTokenGuard }],
})
export class AdminModule {}
