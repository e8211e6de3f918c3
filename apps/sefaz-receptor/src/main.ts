import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { InboxStore } from './inbox.store.js';
import type { PortalClient } from './portal-client.js';
import { loadReceptorConfig } from './receptor-config.js';
import { ReceptorModule } from './receptor.module.js';
import { INBOX, PORTAL } from './receptor.tokens.js';

/**
 * A reference Sefaz receiver: a model to copy, not part of the simulator. HTTPS on RECEPTOR_PORT,
 * POST /notificacoes is the endpoint to subscribe.
 */
export async function startReceptor(env: Record<string, string | undefined> = process.env): Promise<INestApplication> {
  const config = loadReceptorConfig(env);
  const app = await NestFactory.create<NestExpressApplication>(ReceptorModule.register(config), {
    // Node's default minimum protocol is TLS 1.2, as the portal requires.
    httpsOptions: { cert: config.serverCertPem, key: config.serverKeyPem },
    logger: env.LOG_LEVEL === 'silent' ? false : ['log', 'warn', 'error'],
    abortOnError: false,
  });
  // The portal's bodies are small: a cap keeps a flood from filling memory.
  app.useBodyParser('json', { limit: '256kb' });
  app.enableShutdownHooks();
  const inbox = app.get<InboxStore>(INBOX);
  const portal = app.get<PortalClient>(PORTAL);
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    portal.close();
    await inbox.close();
  };
  await app.listen(config.port, config.host);
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await startReceptor();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
