import { Initial1764300000000 } from './1764300000000-initial.js';

/** Listed explicitly, in order. */
export const MIGRATIONS = [Initial1764300000000];
