import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessKeysModule } from '../../business/access-keys/access-keys.module.js';
import { AutenticarController } from './autenticar.controller.js';
import { AuthenticationService } from './authentication.service.js';
import { PortalAuthGuard } from './portal-auth.guard.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  imports: [AccessKeysModule],
  controllers: [AutenticarController],
  providers: [TokenService, AuthenticationService, { provide: APP_GUARD, useClass: PortalAuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
