import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsText } from '../../common/index.js';
import { EVENT_TYPES, type EventType } from '../../lifecycle/index.js';

/** `POST /api/projects/:id/events`: `{ type, ...payload }` (docs/domain/lifecycle.md). */
export class LifecycleEventDto {
  @ApiProperty({ enum: EVENT_TYPES })
  @IsDefined({ message: '缺少事件类型 type' })
  @IsIn(EVENT_TYPES, { message: `type 必须是 ${EVENT_TYPES.join(', ')} 之一` })
  type: EventType;

  @ApiPropertyOptional({ description: 'START/HALT/RESUME/COMPLETE: the effective date', example: '2024-03-15' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: 'DEFER/HALT/WITHDRAW: required; others: optional note' })
  @IsOptional()
  @IsText(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'PROMOTE: planned start date, unless already set' })
  @IsOptional()
  @IsCalendarDate()
  plannedStartDate?: string;
}

/** Which payload fields each event takes; anything else is refused as an unknown field. */
export const EVENT_FIELDS: Record<EventType, readonly ('date' | 'reason' | 'plannedStartDate')[]> = {
  PROMOTE: ['plannedStartDate', 'reason'],
  DEFER: ['reason'],
  START: ['date', 'reason'],
  HALT: ['date', 'reason'],
  RESUME: ['date', 'reason'],
  COMPLETE: ['date', 'reason'],
  WITHDRAW: ['reason'],
};
