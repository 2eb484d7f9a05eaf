import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsName } from '../../common/index.js';

export class CreateDisplayTokenDto {
  @ApiProperty({ example: '指挥部大屏', description: '1–48 characters; shown in the list, the logs and the audit log' })
  @IsDefined({ message: '缺少名称' })
  @IsName(48)
  @Matches(/\S/, { message: '名称不能为空' })
  name: string;

  @ApiPropertyOptional({ default: 365, minimum: 1, maximum: 3650, description: 'days until it expires' })
  @IsOptional()
  @IsNumber({}, { message: 'days 必须是数字' })
  @IsInt({ message: 'days 必须是整数' })
  @Min(1)
  @Max(3650)
  days?: number;
}
