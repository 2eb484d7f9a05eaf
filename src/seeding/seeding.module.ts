import { Module } from '@nestjs/common';
import { AttractionModule } from '../attraction/attraction.module.js';
import { ListsModule } from '../lists/lists.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { AttractionSeeder } from './attraction-seeder.js';
import { SeederService } from './seeder.service.js';

@Module({
  imports: [ProjectsModule, ListsModule, PlansModule, RequestsModule, AttractionModule],
  providers: [SeederService, AttractionSeeder],
  exports: [SeederService],
})
export class SeedingModule {}
