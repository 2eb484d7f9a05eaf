import { Module } from '@nestjs/common';
import { AttractionModule } from '../attraction/attraction.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ProjectRecordsModule } from '../project-records/project-records.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { AttractionSeeder } from './attraction-seeder.js';
import { SeederService } from './seeder.service.js';

@Module({
  imports: [ReferenceModule, ProjectRecordsModule, ProjectsModule, PlansModule, RequestsModule, ReportsModule, AttractionModule],
  providers: [SeederService, AttractionSeeder],
  exports: [SeederService],
})
export class SeedingModule {}
