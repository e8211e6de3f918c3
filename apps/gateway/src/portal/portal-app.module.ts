import { type DynamicModule, Module } from '@nestjs/common';
import { AuthorityModule } from '#authority';
import { ClockModule } from '#clock';
import { LoggerModule } from '#common';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { QueueModule } from '#queue';
import { AuthModule } from './auth/auth.module.js';
import { SefazDuimpModule } from './duimp/sefaz-duimp.module.js';
import { SefazIcmsModule } from './pcce/sefaz-icms.module.js';
import { WebhookModule } from './webhook/webhook.module.js';
import { WhoAmIController } from './who-am-i.controller.js';

/** The portal API on HTTPS (PORTAL_PORT): what integrators call, authenticated as on the real portal. */
@Module({})
export class PortalAppModule {
  static register(env: Record<string, string> = {}): DynamicModule {
    return {
      module: PortalAppModule,
      imports: [ConfigModule.forRoot(env), LoggerModule, DatabaseModule, ClockModule, QueueModule, AuthorityModule, AuthModule, SefazDuimpModule, SefazIcmsModule, WebhookModule],
      controllers: [WhoAmIController],
    };
  }
}
