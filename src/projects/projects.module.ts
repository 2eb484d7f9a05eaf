import { Module } from '@nestjs/common';
import { LifecycleEngine } from './lifecycle.engine.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, LifecycleEngine],
  exports: [ProjectsService, LifecycleEngine],
})
export class ProjectsModule {}
