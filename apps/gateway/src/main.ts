import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp, exitOnConfigError } from '#common';
import { AppConfig } from '#config';
import { AdminAppModule } from './admin-app.module.js';

/** The gateway: the admin API on ADMIN_PORT (and the portal API on PORTAL_PORT). */
export async function startGateway(env: Record<string, string> = {}) {
  const admin = await NestFactory.create(AdminAppModule.register(env), { bodyParser: false, bufferLogs: true, abortOnError: false });
  configureApp(admin);
  const config = admin.get(AppConfig);
  await admin.listen(config.ADMIN_PORT, config.HOST);
  return { admin };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await exitOnConfigError(() => startGateway());
}
