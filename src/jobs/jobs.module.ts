import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Job } from './job.entity.js';
import { JobQueue } from './job-queue.js';

export const JOBS_ENTITIES = [Job];

/** Background work kept in the database (job-queue.ts). Global: any module queues its work here and registers how to run it. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(JOBS_ENTITIES)],
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
