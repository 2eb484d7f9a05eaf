import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsName } from '../../common/index.js';
import { APPROVAL_STATUSES, type ApprovalStatus } from '../../lifecycle/index.js';

/** `PUT /api/projects/:id/approvals/:key` (docs/domain/requests.md "Approvals"): the approval's whole status. */
export class PutApprovalDto {
  @ApiProperty({ enum: APPROVAL_STATUSES, description: '未办 / 办理中 / 容缺受理 / 已办' })
  @IsDefined({ message: '缺少办理状态 status' })
  @IsIn(APPROVAL_STATUSES, { message: `status 必须是 ${APPROVAL_STATUSES.join(', ')} 之一` })
  status: ApprovalStatus;

  @ApiPropertyOptional({ description: 'done: 办结日期（必填）；in_progress / conditional: 受理日期（可省略）' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: 'conditional: 承诺补齐手续的日期（必填，不早于今天）' })
  @IsOptional()
  @IsCalendarDate()
  commitmentDate?: string;

  @ApiPropertyOptional({ description: '经办部门代码（GET /api/departments）' })
  @IsOptional()
  @IsName(32)
  department?: string;
}
