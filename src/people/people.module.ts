import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { RequestsModule } from '../requests/index.js';
import { ChainActivitiesService } from './chain-activities.service.js';
import { ChainActivity } from './chain-activity.entity.js';
import { ChainResponsibility } from './chain-responsibility.entity.js';
import { ChainResponsibilityService } from './chain-responsibility.service.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { Person } from './person.entity.js';
import { ProjectResponsibility } from './project-responsibility.entity.js';
import { ProjectResponsibilityService } from './project-responsibility.service.js';
import { ResponsibilityController } from './responsibility.controller.js';
import { ResponsibilityReader } from './responsibility.reader.js';

export const PEOPLE_ENTITIES = [Person, ChainResponsibility, ProjectResponsibility, ChainActivity];

/**
 * Who answers for each chain and project (docs/domain/responsibility.md): the register of
 * people, each chain's "5个1", each project's 包联 and 专员, the 链长's activities.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PEOPLE_ENTITIES), ReferenceModule, ProjectRecordsModule, PlansModule, RequestsModule],
  controllers: [PeopleController, ResponsibilityController],
  providers: [PeopleService, ChainResponsibilityService, ProjectResponsibilityService, ChainActivitiesService, ResponsibilityReader],
  exports: [PeopleService, ChainResponsibilityService, ProjectResponsibilityService, ChainActivitiesService, ResponsibilityReader],
})
export class PeopleModule {}
