import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLimitInterceptor } from './access-limit.interceptor.js';
import { MaintenanceGuard } from './maintenance.guard.js';
import { PlatformStateService } from './platform-state.service.js';

/**
 * What the platform does to every portal call: the maintenance window, then (after authentication) the
 * access limits. Imported by the portal app before AuthModule: global guards run in the order their
 * modules are scanned, and the window must answer before any credential is looked at.
 */
@Module({
  providers: [PlatformStateService, { provide: APP_GUARD, useClass: MaintenanceGuard }, { provide: APP_INTERCEPTOR, useClass: AccessLimitInterceptor }],
})
export class PlatformModule {}
