export * from './access-limits.js';
export * from './brasilia-time.js';
export * from './maintenance-window.js';
export * from './platform-settings.js';
export * from './platform-state.store.js';
