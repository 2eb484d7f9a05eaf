/** people: the module's public face — what other modules may use (docs/architecture.md). */
export { ACTIVITY_ORIGIN, ChainActivitiesService } from './chain-activities.service.js';
export { ChainResponsibilityService } from './chain-responsibility.service.js';
export { PutProjectResponsibilityDto } from './dto/responsibility.dto.js';
export { PEOPLE_ENTITIES, PeopleModule } from './people.module.js';
export { PeopleService } from './people.service.js';
export { Person } from './person.entity.js';
export {
  ACTIVITY_KINDS,
  COMMISSIONER_KINDS,
  type ActivityKind,
  type ActivityView,
  type ChainResponsibilityView,
  type CommissionerKind,
  type PersonRef,
  type PersonView,
  type ProjectResponsibilityView,
  type ResponsibleNames,
  type ResponsibleRole,
} from './people.types.js';
export { ProjectResponsibilityService } from './project-responsibility.service.js';
export { PROJECT_RESPONSIBILITY_SQL, ResponsibilityReader, type PostOf } from './responsibility.reader.js';
export { ActivityAnswer, ChainResponsibilityAnswer, PersonRefAnswer, ProjectResponsibilityAnswer } from './people.responses.js';
