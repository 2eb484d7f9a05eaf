import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsText } from '../../common/index.js';

/** Items one part of the words may have, and the length of one. */
export const MAX_ITEMS = 30;
export const MAX_ITEM_LENGTH = 1000;
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/su;

function Items(what: string): PropertyDecorator {
  return (target, key) => {
    IsDefined({ message: `缺少${what} ${String(key)}` })(target, key);
    IsArray({ message: `${String(key)} 必须是文本的数组` })(target, key);
    ArrayMaxSize(MAX_ITEMS, { message: `${what}最多 ${MAX_ITEMS} 条` })(target, key);
    IsString({ each: true, message: `${what}的每一条必须是文本` })(target, key);
    MaxLength(MAX_ITEM_LENGTH, { each: true, message: `${what}每条不能超过 ${MAX_ITEM_LENGTH} 个字符` })(target, key);
    Matches(NO_CONTROL, { each: true, message: `${what}不能包含控制字符` })(target, key);
  };
}

/** `PUT /api/bulletins/:year/:month/commentary` (docs/domain/bulletin-commentary.md): the words, whole. */
export class PutCommentaryDto {
  @ApiProperty({ description: '总体情况（一段）' })
  @IsDefined({ message: '缺少总体情况 overview' })
  @IsText(4000)
  overview: string;

  @ApiProperty({ type: [String], description: '存在问题（每条一段）' })
  @Items('存在问题')
  problems: string[];

  @ApiProperty({ type: [String], description: '下步工作（每条一段）' })
  @Items('下步工作')
  nextSteps: string[];

  @ApiProperty({ type: [String], description: '表扬（每条一段）' })
  @Items('表扬')
  praise: string[];

  @ApiPropertyOptional({ description: '更正原因（通报发布后修改必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
