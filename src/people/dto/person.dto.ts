import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsDefined, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { IsText } from '../../common/index.js';

/** A name, title or organisation: text with at least one visible character (blank → 422). */
function NonBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'nonBlank',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value.trim().length > 0,
      defaultMessage: (args) => `${args?.property} 不能为空`,
    },
  });
}

/** A telephone number as people write it: digits, spaces, + - ( ) and an extension, 3–32 characters. */
export function IsPhone(): PropertyDecorator {
  return applyDecorators(IsString({ message: '电话必须是文本' }), Matches(/^[0-9+\-() 转,，]{3,32}$/u, { message: '电话只能包含数字、空格和 + - ( )，3–32 个字符' }));
}

/** A person's id in the register (GET /api/people): a number (400 otherwise), a positive integer (422). */
export function PersonId(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', nullable: true, description }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '人员编号必须是数字（GET /api/people 的 id）' }),
    IsInt({ message: '人员编号必须是整数' }),
    Min(1, { message: '人员编号必须是正整数' }),
    Max(2_147_483_647, { message: '人员编号过大' }),
  );
}

/** `POST /api/people`: a person of the register. */
export class CreatePersonDto {
  @ApiProperty({ example: '（示例）王某某' })
  @IsDefined({ message: '缺少姓名 name' })
  @IsText(64)
  @NonBlank()
  name: string;

  @ApiProperty({ description: '职务', example: '副市长' })
  @IsDefined({ message: '缺少职务 title' })
  @IsText(100)
  @NonBlank()
  title: string;

  @ApiProperty({ description: '单位', example: '聊城市人民政府' })
  @IsDefined({ message: '缺少单位 organisation' })
  @IsText(100)
  @NonBlank()
  organisation: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0635-0000000' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '所在县（市、区）代码；市级人员不填', example: '371502' })
  @IsOptional()
  @IsString()
  region?: string | null;
}

/** `PATCH /api/people/:id`: the fields to change; `active: false` when the person leaves office. */
export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsText(64)
  @NonBlank()
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText(100)
  @NonBlank()
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText(100)
  @NonBlank()
  organisation?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  region?: string | null;

  @ApiPropertyOptional({ description: 'false：已离任（不能再被指派；历史记录仍显示其姓名）' })
  @IsOptional()
  @IsBoolean({ message: 'active 必须是 true 或 false' })
  active?: boolean;
}
