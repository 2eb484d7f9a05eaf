import 'reflect-metadata';
import { HttpException, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { workerData } from 'piscina';
import { AppModule } from '../app.module.js';
import { Clock } from '../common/index.js';
import type { AppConfig } from '../config/index.js';
import type { HeavyTask } from '../heavy/index.js';
import { runHeavyTask } from './heavy-tasks.js';

/**
 * A worker thread of the heavy-work pool (src/heavy/heavy-work.ts): it starts the app's services
 * once, with a database connection of its own and no HTTP server, migrations or schedules, then
 * runs task after task. Each task carries the instant its request was served at, which the
 * thread's clock reads, so "today" is the request's. A refusal (an ApiError: 404, 400, 422) goes
 * back as data and is thrown again on the request thread with its status; anything else is an error.
 */
let app: Promise<INestApplicationContext> | undefined;
let taskNow = new Date();

function start(): Promise<INestApplicationContext> {
  const config = (workerData as { config: AppConfig }).config;
  return NestFactory.createApplicationContext(AppModule.forRoot(config, { worker: true }), { logger: ['error', 'warn'] }).then((context) => {
    context.get(Clock).now = () => new Date(taskNow);
    return context;
  });
}

export default async function heavyTask(job: HeavyTask): Promise<unknown> {
  app ??= start();
  const context = await app;
  taskNow = new Date(job.now);
  try {
    return await runHeavyTask(context, job.task, job.args);
  } catch (error) {
    if (error instanceof HttpException) return { heavyRefusal: { status: error.getStatus(), body: error.getResponse() } };
    throw error;
  }
}
