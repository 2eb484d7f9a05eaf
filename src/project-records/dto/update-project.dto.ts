import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryInt } from '../../common/index.js';
import { IsProjectName, ProjectFieldsDto } from './project-fields.dto.js';

export class UpdateProjectDto extends ProjectFieldsDto {
  @ApiPropertyOptional({ description: '项目名称', maxLength: 200 })
  @IsOptional()
  @IsProjectName()
  name?: string;

  @ApiPropertyOptional({ description: '读取时的版本号（或使用 If-Match 头）', example: 3 })
  @IsOptional()
  @QueryInt(1, 2_000_000_000)
  version?: number;
}
