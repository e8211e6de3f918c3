// Before anything else loads: see heap-growth.ts.
import '../../../libs/runtime/src/heap-growth.js';
import 'reflect-metadata';
import type https from 'node:https';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '#common';
import { AppConfig, exitOnConfigError } from '#config';
import type { Server } from 'node:http';
import { closeGracefully, expectListeners, listenerReady, onTermination, trackResponses } from '#runtime';
import { adminErrorCode } from './admin/admin-error.js';
import { AdminAppModule } from './admin/admin-app.module.js';
import { ADMIN_API_DOCS, PORTAL_API_DOCS } from './api-docs.js';
import { serveApiDocs } from './openapi.js';
import { PortalTlsService } from './business/pki/portal-tls.service.js';
import { PortalAppModule } from './portal/portal-app.module.js';

const APP_OPTIONS = { bodyParser: false, bufferLogs: true, abortOnError: false } as const;

/** The gateway: the admin API on ADMIN_PORT (HTTP) and the portal API on PORTAL_PORT (HTTPS, client certificates), each with its OpenAPI at /docs. */
export async function startGateway(env: Record<string, string> = {}) {
  expectListeners('admin', 'portal');
  const admin = await NestFactory.create(AdminAppModule.register(env), APP_OPTIONS);
  configureApp(admin, { genericErrorCode: adminErrorCode, shutdownHooks: false });
  serveApiDocs(admin, ADMIN_API_DOCS);
  const config = admin.get(AppConfig);
  trackResponses(admin.getHttpServer() as Server);
  await admin.listen(config.ADMIN_PORT, config.HOST);
  listenerReady('admin');

  // The portal's TLS comes from the test PKI the admin app loaded; revocations are swapped in live.
  const tls = admin.get(PortalTlsService);
  const portal = await NestFactory.create(PortalAppModule.register(env), { ...APP_OPTIONS, httpsOptions: await tls.httpsOptions() });
  configureApp(portal, { shutdownHooks: false });
  serveApiDocs(portal, PORTAL_API_DOCS);
  trackResponses(portal.getHttpServer() as Server);
  await portal.listen(config.PORTAL_PORT, config.HOST);
  listenerReady('portal');
  tls.attach(portal.getHttpServer() as https.Server);
  return { admin, portal, close: () => closeGracefully([portal, admin], config.SHUTDOWN_DEADLINE_MS) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await exitOnConfigError(async () => {
    const gateway = await startGateway();
    onTermination(gateway.close);
  });
}
