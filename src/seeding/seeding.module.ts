import { Module } from '@nestjs/common';
import { AttractionModule } from '../attraction/index.js';
import { BulletinsModule } from '../bulletins/index.js';
import { PeopleModule } from '../people/index.js';
import { PlansModule } from '../plans/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { ReportsModule } from '../reports/index.js';
import { ProjectsModule } from '../projects/index.js';
import { RequestsModule } from '../requests/index.js';
import { AttractionSeeder } from './attraction-seeder.js';
import { DemoProjectsSeeder } from './demo-projects.seeder.js';
import { DemoYearsSeeder } from './demo-years.seeder.js';
import { MilestonesSeeder } from './milestones-seeder.js';
import { PeopleSeeder } from './people-seeder.js';
import { SeederService } from './seeder.service.js';

@Module({
  imports: [ReferenceModule, ProjectRecordsModule, ProjectsModule, PlansModule, RequestsModule, ReportsModule, AttractionModule, BulletinsModule, PeopleModule],
  providers: [SeederService, AttractionSeeder, DemoProjectsSeeder, DemoYearsSeeder, PeopleSeeder, MilestonesSeeder],
  exports: [SeederService],
})
export class SeedingModule {}
