export * from './authority.module.js';
export * from './authority.service.js';
