import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Interveniente } from '#database';
import { BusinessModule } from '../business/business.module.js';
import { AccessKeysModule } from '../business/access-keys/access-keys.module.js';
import { AdminTokenGuard } from './admin-token.guard.js';
import { ChavesAcessoController } from './chaves-acesso/chaves-acesso.controller.js';
import { PlataformaController } from './plataforma/plataforma.controller.js';
import { AssinaturasController } from './assinaturas/assinaturas.controller.js';
import { ConformidadeModule } from './conformidade/conformidade.module.js';
import { EventosModule } from './eventos/eventos.module.js';
import { IntervenientesController } from './intervenientes/intervenientes.controller.js';
import { NotificacoesController } from './notificacoes/notificacoes.controller.js';
import { NotificationsService } from './notificacoes/notifications.service.js';
import { ReceiptsService } from './recibos/receipts.service.js';
import { RecibosController } from './recibos/recibos.controller.js';
import { RelogioController } from './relogio/relogio.controller.js';
import { PainelAssetsController } from './painel/painel-assets.controller.js';
import { PainelController } from './painel/painel.controller.js';
import { PainelService } from './painel/painel.service.js';
import { AdminPkiModule } from './pki/admin-pki.module.js';
import { ResetController } from './reset/reset.controller.js';
import { ScenariosModule } from './scenarios/scenarios.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([Interveniente]), BusinessModule, AdminPkiModule, ScenariosModule, AccessKeysModule, ConformidadeModule, EventosModule],
  controllers: [
    IntervenientesController,
    AssinaturasController,
    NotificacoesController,
    RecibosController,
    RelogioController,
    ResetController,
    PlataformaController,
    ChavesAcessoController,
    PainelController,
    PainelAssetsController,
  ],
  providers: [NotificationsService, ReceiptsService, PainelService, { provide: APP_GUARD, useClass: AdminTokenGuard }],
})
export class AdminModule {}
