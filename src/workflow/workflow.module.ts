import { Global, Module } from '@nestjs/common';
import { TransitionEngine } from './transition-engine.js';

/** The machinery every workflow shares: the transition engine. Global, like the write queue it runs on. */
@Global()
@Module({
  providers: [TransitionEngine],
  exports: [TransitionEngine],
})
export class WorkflowModule {}
