import { type DynamicModule, Module } from '@nestjs/common';
import { InboxStore } from './inbox.store.js';
import { NotificacoesController } from './notificacoes.controller.js';
import { NotificationProcessor } from './notification-processor.service.js';
import { PortalClient } from './portal-client.js';
import type { ReceptorConfig } from './receptor-config.js';
import { CONFIG, INBOX, PORTAL } from './receptor.tokens.js';

@Module({})
export class ReceptorModule {
  static register(config: ReceptorConfig): DynamicModule {
    return {
      module: ReceptorModule,
      controllers: [NotificacoesController],
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: INBOX,
          useFactory: async () => {
            const inbox = new InboxStore(config.databaseUrl, config.schema);
            await inbox.prepare();
            return inbox;
          },
        },
        { provide: PORTAL, useFactory: () => new PortalClient(config) },
        NotificationProcessor,
      ],
    };
  }
}
