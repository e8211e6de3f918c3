import 'reflect-metadata';
import { exitOnConfigError } from '#common';
import { startGateway } from '../../gateway/src/main.js';
import { startWorker } from '../../worker/src/main.js';

/** Single-process mode for local use: the gateway and a worker in one process. */
await exitOnConfigError(async () => {
  await startGateway();
  await startWorker();
});
