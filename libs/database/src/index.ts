export * from './entities/index.js';
export * from './data-source-options.js';
export * from './migrate.js';
export * from './database.module.js';
export * from '../../common/src/database/prepared-statement.js';
