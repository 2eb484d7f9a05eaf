/** jobs: background work kept in the database, seen by every server and resumed after a restart (job-queue.ts; docs/architecture.md "Jobs"). */
export { JOB_LIMITS, JobQueue, type JobContext, type JobHandler, type JobState } from './job-queue.js';
export { JOBS_ENTITIES, JobsModule } from './jobs.module.js';
