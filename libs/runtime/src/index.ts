export * from './logger.module.js';
export * from './metrics.js';
export * from './observability.module.js';
export * from './runtime.module.js';
export * from './listeners.js';
export * from './graceful-shutdown.js';
