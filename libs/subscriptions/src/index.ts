export * from './deactivation.js';
