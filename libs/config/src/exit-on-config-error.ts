import { ConfigValidationError } from './app-config.js';

/** A bad setting stops the process with the variable's name, not a stack trace. */
export async function exitOnConfigError<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
