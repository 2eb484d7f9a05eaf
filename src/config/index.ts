/** config: the module's public face — what other modules may use (docs/architecture.md). */
export { APP_CONFIG, ConfigError, loadConfig, parseDatabaseUrl, type AppConfig, type DatabaseConfig, type LogFormat, type SeedMode } from './app-config.js';
