export * from './clock.module.js';
export * from './clock.service.js';
export * from './portal-date.js';
