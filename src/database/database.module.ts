import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../common/index.js';
import { AppSetting } from './app-setting.entity.js';
import { WriteCounter } from './write-counter.entity.js';
import { WriteQueue } from './write-queue.js';

export const DATABASE_ENTITIES = [WriteCounter, AppSetting];

/** The write queue every write transaction goes through, the clock, and the tables of the database's own bookkeeping. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(DATABASE_ENTITIES)],
  providers: [WriteQueue, Clock],
  exports: [WriteQueue, Clock],
})
export class DatabaseModule {}
