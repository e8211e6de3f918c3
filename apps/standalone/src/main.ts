import 'reflect-metadata';
import { exitOnConfigError } from '#config';
import { expectListeners } from '#runtime';
import { startGateway } from '../../gateway/src/main.js';
import { startWorker } from '../../worker/src/main.js';

/** Single-process mode for local use: the gateway and a worker in one process. */
await exitOnConfigError(async () => {
  // /health is up only once all three accept connections.
  expectListeners('admin', 'portal', 'worker');
  await startGateway();
  await startWorker();
});
