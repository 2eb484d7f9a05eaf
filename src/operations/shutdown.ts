import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { WriteQueue } from '../database/index.js';

/** How long requests already being answered get before their connections are cut. */
const GRACE_MS = 30_000;

/**
 * SIGTERM (a service manager stopping the app) or SIGINT (Ctrl-C): stop accepting connections,
 * let the requests already in progress finish (their writes commit and are acknowledged), wait
 * for every write still queued, then close the database (Nest's shutdown hooks) and exit 0.
 * A second signal while stopping is ignored; a request that has not finished after 30 s has
 * its connection cut (its write, if queued, still commits before the database closes)
 * (docs/operations.md "Stopping").
 */
export function installGracefulShutdown(app: NestExpressApplication, logger: LoggerService): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping (no new connections; finishing requests and queued writes)`, 'Shutdown');
    try {
      await closeServer(app.getHttpServer() as Server);
      await app.get(WriteQueue).drain();
      await app.close();
      logger.log('stopped: every queued write committed, database closed', 'Shutdown');
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).stack ?? String(error)}`, undefined, 'Shutdown');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}

/**
 * Stops listening and resolves once every connection has ended. Keep-alive connections between
 * requests are closed as soon as they fall idle, so a client's next request finds the door shut
 * instead of being served half-way through the shutdown.
 */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
    cut.unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
