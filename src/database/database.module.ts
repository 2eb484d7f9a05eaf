import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { WriteQueue } from './write-queue.js';

@Global()
@Module({
  providers: [WriteQueue, Clock],
  exports: [WriteQueue, Clock],
})
export class DatabaseModule {}
