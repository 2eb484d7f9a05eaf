import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../user.entity.js';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsDefined({ message: '缺少用户名' })
  @IsString()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsDefined({ message: '缺少密码' })
  @IsString()
  @MaxLength(256)
  password: string;
}

const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'region-371502' })
  @IsDefined()
  @IsString()
  @Matches(USERNAME, { message: '用户名为 2–64 位字母、数字或 . _ -' })
  username: string;

  @ApiProperty({ minLength: 10 })
  @IsDefined()
  @IsString()
  @MinLength(10, { message: '密码至少 10 位' })
  @MaxLength(256)
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
}

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 10 })
  @IsOptional()
  @IsString()
  @MinLength(10, { message: '密码至少 10 位' })
  @MaxLength(256)
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
  @IsBoolean()
  active?: boolean;
}
