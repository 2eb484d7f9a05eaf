import { Module } from '@nestjs/common';
import { ListsModule } from '../lists/lists.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { SeederService } from './seeder.service.js';

@Module({
  imports: [ProjectsModule, ListsModule, PlansModule, RequestsModule],
  providers: [SeederService],
  exports: [SeederService],
})
export class SeedingModule {}
