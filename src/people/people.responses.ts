import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIVE_ONES, type FiveOnesItem } from '../rules/index.js';
import {
  ACTIVITY_KINDS,
  COMMISSIONER_KINDS,
  type ActivityKind,
  type ActivityView,
  type ChainResponsibilityRevision,
  type ChainResponsibilityView,
  type CommissionerKind,
  type PersonRef,
  type PersonView,
  type ProjectResponsibilityView,
} from './people.types.js';

/**
 * What the people module answers, as the OpenAPI document declares it (docs/domain/responsibility.md):
 * classes implementing the plain types the server builds (people.types.ts).
 */

/** A person of the register; `phone` is absent for a department (it reads names and titles). */
export class PersonAnswer implements PersonView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty() organisation: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'absent for a department' }) phone?: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the county served; null for the city (市级)' }) region: string | null;
  @ApiProperty({ description: 'false: left the post (已离任)' }) active: boolean;
}

/** A person as named beside what they answer for. */
export class PersonRefAnswer implements PersonRef {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class ChainPlanAnswer {
  @ApiProperty({ type: String, nullable: true, description: '工作方案' }) title: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
}

/** One revision of a chain's "5个1" (revision 0: nothing filed yet). */
export class ChainResponsibilityRevisionAnswer implements ChainResponsibilityRevision {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: 'integer', nullable: true }) leaderId: number | null;
  @ApiProperty({ type: () => PersonRefAnswer, nullable: true, description: '链长' }) leader: PersonRefAnswer | null;
  @ApiProperty({ description: '责任部门: the one named, or the chain\'s lead unit' }) department: string;
  @ApiProperty({ type: ChainPlanAnswer }) plan: ChainPlanAnswer;
  @ApiProperty({ type: [String], description: '支持措施' }) measures: string[];
  @ApiProperty({ type: [String], description: '链主企业' }) anchorEnterprises: string[];
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'instant (ISO 8601)' }) recordedAt: string | null;
}

/** GET /api/chains/:code/responsibility/:year: the latest revision, what it lacks, and every revision. */
export class ChainResponsibilityAnswer extends ChainResponsibilityRevisionAnswer implements ChainResponsibilityView {
  @ApiProperty({ description: 'chain code' }) chain: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ enum: FIVE_ONES, isArray: true, description: 'what the "5个1" lacks, in the document\'s order' }) missing: FiveOnesItem[];
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [ChainResponsibilityRevisionAnswer], description: 'every revision, oldest first' }) history: ChainResponsibilityRevisionAnswer[];
}

export class ProjectContactAnswer {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

/** Who answers for a project (revision 0: nothing filed). */
export class ProjectResponsibilityAnswer implements ProjectResponsibilityView {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty({ type: 'integer', nullable: true }) cityLeaderId: number | null;
  @ApiProperty({ type: () => PersonRefAnswer, nullable: true, description: '市级包联领导' }) cityLeader: PersonRefAnswer | null;
  @ApiProperty({ type: 'integer', nullable: true }) countyLeaderId: number | null;
  @ApiProperty({ type: () => PersonRefAnswer, nullable: true, description: '县级包联领导' }) countyLeader: PersonRefAnswer | null;
  @ApiProperty({ type: 'integer', nullable: true }) commissionerId: number | null;
  @ApiProperty({ type: () => PersonRefAnswer, nullable: true, description: '服务专员' }) commissioner: PersonRefAnswer | null;
  @ApiProperty({ enum: COMMISSIONER_KINDS, nullable: true }) commissionerKind: CommissionerKind | null;
  @ApiProperty({ type: () => ProjectContactAnswer, nullable: true, description: '项目联系人' }) contact: ProjectContactAnswer | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'instant (ISO 8601)' }) recordedAt: string | null;
}

export class ActivityProjectAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class ActivityRequestAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty({ description: 'request kind' }) kind: string;
  @ApiProperty({ description: 'department code' }) department: string;
  @ApiProperty({ description: 'request status' }) status: string;
}

/** A 链长 activity (巡链、问链、诊链、调度会、融链固链对接). */
export class ActivityAnswer implements ActivityView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ description: 'chain code' }) chain: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty({ type: String, format: 'date' }) date: string;
  @ApiProperty({ type: 'integer', nullable: true }) leaderId: number | null;
  @ApiProperty({ type: () => PersonRefAnswer, nullable: true }) leader: PersonRefAnswer | null;
  @ApiProperty({ type: [String] }) enterprises: string[];
  @ApiProperty({ type: 'integer', isArray: true }) projectIds: number[];
  @ApiProperty({ type: [ActivityProjectAnswer] }) projects: ActivityProjectAnswer[];
  @ApiProperty() findings: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time', description: 'instant (ISO 8601)' }) recordedAt: string;
  @ApiProperty({ type: [ActivityRequestAnswer], description: 'the 要素保障 requests raised from its findings' }) requests: ActivityRequestAnswer[];
}
