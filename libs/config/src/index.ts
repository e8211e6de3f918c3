export * from './app-config.js';
export * from './config.module.js';
export * from './exit-on-config-error.js';
