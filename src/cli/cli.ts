import { type AppConfig, ConfigError, loadConfig } from '../config/index.js';

/** Prints `message` to stderr and exits with `code` (1 refused, 2 wrong usage or configuration). */
export function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

/** The configuration from the environment, or exit 2 naming the bad setting. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(2, `Configuration error: ${error.message}`);
    throw error;
  }
}
