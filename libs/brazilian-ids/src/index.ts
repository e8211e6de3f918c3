export * from './brazilian-ids.js';
