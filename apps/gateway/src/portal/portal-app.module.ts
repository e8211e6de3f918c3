import { type DynamicModule, Module } from '@nestjs/common';
import { RuntimeModule } from '#runtime';
import { EdocexModule } from './anexacao/edocex.module.js';
import { AuthModule } from './auth/auth.module.js';
import { SefazDuimpModule } from './duimp/sefaz-duimp.module.js';
import { TalpcoModule } from './lpco/talpco.module.js';
import { SefazIcmsModule } from './pcce/sefaz-icms.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { WebhookModule } from './webhook/webhook.module.js';
import { WhoAmIController } from './who-am-i.controller.js';

/** The portal API on HTTPS (PORTAL_PORT): what integrators call, authenticated as on the real portal. */
@Module({})
export class PortalAppModule {
  static register(env: Record<string, string> = {}): DynamicModule {
    return {
      module: PortalAppModule,
      imports: [RuntimeModule.forRoot(env), PlatformModule, AuthModule, EdocexModule, SefazDuimpModule, SefazIcmsModule, TalpcoModule, WebhookModule],
      controllers: [WhoAmIController],
    };
  }
}
