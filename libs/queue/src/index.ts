export * from './delivery-queue.service.js';
export * from './queue.constants.js';
export * from './queue.module.js';
export * from './redis-options.js';
