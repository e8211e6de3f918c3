export * from './catalog.js';
export * from './payload-schemas.js';
