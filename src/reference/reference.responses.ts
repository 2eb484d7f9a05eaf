import { ApiProperty } from '@nestjs/swagger';
import { REGION_KIND_LABELS } from './labels.js';
import { REQUEST_KINDS, type RequestKind } from './request-kinds.js';
import type { DepartmentView } from './reference.types.js';
import type { RegionView } from './reference.service.js';

/** What the reference routes answer (codes and their names), as the OpenAPI document declares it. */

/** A county (市、区) or development zone, by its statistical code. */
export class RegionAnswer implements RegionView {
  @ApiProperty({ description: '统计用区划代码' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Object.keys(REGION_KIND_LABELS), description: 'county: 县（市、区）; zone: 园区' }) kind: 'county' | 'zone';
  @ApiProperty({ description: 'whether the year plan requires the place to plan and attract a big project' }) bigProjectRequired: boolean;
}

/** A 要素保障组 department and the request kinds it handles. */
export class DepartmentAnswer implements DepartmentView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REQUEST_KINDS, isArray: true }) kinds: RequestKind[];
}
