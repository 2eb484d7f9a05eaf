import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { IsBoolean, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.js';
import { type Role, ROLES } from '../../access/index.js';
import { IsName } from '../../common/index.js';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsDefined({ message: '缺少用户名' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsDefined({ message: '缺少密码' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

/** The person of the register a user is (GET /api/people): required for role "leader". */
function PersonIdField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', nullable: true, description: 'person id (GET /api/people), required for role "leader": the 链长, 包联领导 or 专员 this user is' }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'personId 必须是数字' }),
    IsInt({ message: 'personId 必须是整数' }),
    Min(1, { message: 'personId 必须是正整数' }),
    Max(2_147_483_647, { message: 'personId 过大' }),
  );
}

/** User names: 2–64 ASCII letters, digits or . _ - (unique whatever their case). */
export const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;

/** An office name (单位名称): 1–64 characters, not blank, no control characters. */
export const OFFICE_NAME = /^(?=.*\S)[^\p{Cc}]{1,64}$/u;
export const OFFICE_NAME_RULE = '单位名称 1–64 个字符，如“莘县发展和改革局”；历史记录中以它代替用户名';

const PASSWORD_RULES = `at least ${MIN_PASSWORD_LENGTH} characters, not all whitespace, not a common password, not the user name (422 weakPassword)`;

export class CreateUserDto {
  @ApiProperty({ example: 'region-371502' })
  @IsDefined()
  @IsString()
  @Matches(USERNAME, { message: '用户名为 2–64 位字母、数字或 . _ -' })
  username: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: PASSWORD_RULES })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsDefined()
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'region code, for role "region"' })
  @IsOptional()
  @IsString()
  region?: string | null;

  @ApiPropertyOptional({ description: 'chain code, for role "chain"' })
  @IsOptional()
  @IsString()
  chain?: string | null;

  @ApiPropertyOptional({ description: 'department code, for role "department" (GET /api/departments)' })
  @IsOptional()
  @IsString()
  department?: string | null;

  @ApiPropertyOptional({ maxLength: 64, description: 'office name shown instead of the user name in histories (单位名称); null: derived from role and scope' })
  @IsOptional()
  @IsName(64)
  @Matches(OFFICE_NAME, { message: OFFICE_NAME_RULE })
  officeName?: string | null;
  @PersonIdField()
  personId?: number | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH, description: PASSWORD_RULES })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  region?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  chain?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  department?: string | null;

  @PersonIdField()
  personId?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ maxLength: 64, description: 'office name shown instead of the user name in histories (单位名称); null: derived from role and scope' })
  @IsOptional()
  @IsName(64)
  @Matches(OFFICE_NAME, { message: OFFICE_NAME_RULE })
  officeName?: string | null;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsDefined({ message: '缺少当前密码' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: PASSWORD_RULES })
  @IsDefined({ message: '缺少新密码' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}
