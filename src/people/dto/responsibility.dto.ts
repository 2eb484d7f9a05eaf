import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsText } from '../../common/index.js';
import { COMMISSIONER_KINDS, type CommissionerKind } from '../people.types.js';
import { IsPhone, PersonId } from './person.dto.js';

/** Each item of a list of text: a string within a length, without control characters. */
export function EachText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsString({ each: true, message: '每一项都必须是文本' }),
    MaxLength(maxLength, { each: true, message: `每一项不能超过 ${maxLength} 个字符` }),
    Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/su, { each: true, message: '不能包含控制字符' }),
  );
}

export class PlanDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: '工作方案名称' })
  @IsOptional()
  @IsText(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '印发日期' })
  @IsOptional()
  @IsCalendarDate()
  date?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '方案要点（文字）' })
  @IsOptional()
  @IsText(10_000)
  text?: string | null;
}

/**
 * `PUT /api/chains/:code/responsibility/:year`: the chain's "5个1". A field left out keeps what
 * the latest revision says; null clears it (a cleared 责任部门 is the appendix's lead unit again).
 */
export class PutChainResponsibilityDto {
  @PersonId('链长：人员编号（市级）')
  leaderId?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '责任部门（默认：附件的责任单位）' })
  @IsOptional()
  @IsText(100)
  department?: string | null;

  @ApiPropertyOptional({ type: PlanDto, nullable: true, description: '工作方案：{ title, date?, text? }' })
  @IsOptional()
  @IsObject({ message: 'plan 必须是对象' })
  @ValidateNested()
  @Type(() => PlanDto)
  plan?: PlanDto | null;

  @ApiPropertyOptional({ type: [String], description: '支持措施，每条一项' })
  @IsOptional()
  @IsArray({ message: 'measures 必须是数组' })
  @ArrayMaxSize(50, { message: '支持措施最多 50 条' })
  @EachText(500)
  measures?: string[];

  @ApiPropertyOptional({ type: [String], description: '链主企业名称（须为项目库中项目的建设单位）' })
  @IsOptional()
  @IsArray({ message: 'anchorEnterprises 必须是数组' })
  @ArrayMaxSize(20, { message: '链主企业最多 20 家' })
  @EachText(200)
  anchorEnterprises?: string[];
}

export class ContactDto {
  @ApiPropertyOptional({ description: '项目联系人姓名' })
  @IsDefined({ message: '缺少联系人姓名 contact.name' })
  @IsText(64)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '联系电话' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;
}

/**
 * `PUT /api/projects/:id/responsibility`: a field left out keeps what the latest revision says;
 * null clears it. The city office sets every field; a county its own 县级包联领导, 专员 and contact.
 */
export class PutProjectResponsibilityDto {
  @PersonId('市级包联领导：人员编号（市级，市链长办指定）')
  cityLeaderId?: number | null;

  @PersonId('县级包联领导：人员编号（本县）')
  countyLeaderId?: number | null;

  @PersonId('服务专员：人员编号（市级或本县）')
  commissionerId?: number | null;

  @ApiPropertyOptional({ nullable: true, enum: COMMISSIONER_KINDS, description: 'enterprise 助企远航服务专员（默认）/ land 土地服务专员' })
  @IsOptional()
  @IsIn([...COMMISSIONER_KINDS, null], { message: `commissionerKind 必须是 ${COMMISSIONER_KINDS.join(' 或 ')}` })
  commissionerKind?: CommissionerKind | null;

  @ApiPropertyOptional({ type: ContactDto, nullable: true, description: '企业项目联系人：{ name, phone? }' })
  @IsOptional()
  @IsObject({ message: 'contact 必须是对象' })
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto | null;
}
