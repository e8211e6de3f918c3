// Before anything else loads: see heap-growth.ts.
import '../../../libs/runtime/src/heap-growth.js';
import 'reflect-metadata';
import { exitOnConfigError } from '#config';
import { expectListeners, onTermination } from '#runtime';
import { startGateway } from '../../gateway/src/main.js';
import { startWorker } from '../../worker/src/main.js';

/** Single-process mode for local use: the gateway and a worker in one process. */
await exitOnConfigError(async () => {
  // /health is up only once all three accept connections.
  expectListeners('admin', 'portal', 'worker');
  const gateway = await startGateway();
  const worker = await startWorker({}, { shutdownHooks: false });
  // The gateway's listeners and requests first, then the worker, then the gateway's Redis and PostgreSQL.
  onTermination(() => gateway.close().then(() => worker.close()));
});
