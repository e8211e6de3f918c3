// Before anything else loads: see heap-growth.ts.
import '../../../libs/runtime/src/heap-growth.js';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureApp } from '#common';
import { AppConfig, exitOnConfigError } from '#config';
import { expectListeners, listenerReady } from '#runtime';
import { WorkerModule } from './worker.module.js';

/** Delivery workers and the reconciler; /health and /metrics on WORKER_PORT. */
export async function startWorker(env: Record<string, string> = {}, { shutdownHooks = true } = {}) {
  expectListeners('worker');
  const app = await NestFactory.create(WorkerModule.register(env), { bodyParser: false, bufferLogs: true, abortOnError: false });
  configureApp(app, { shutdownHooks });
  const config = app.get(AppConfig);
  await app.listen(config.WORKER_PORT, config.HOST);
  listenerReady('worker');
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await exitOnConfigError(() => startWorker());
}
