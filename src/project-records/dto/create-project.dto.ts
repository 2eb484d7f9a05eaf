import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, Matches } from 'class-validator';
import { IsText } from '../../common/index.js';
import { IsProjectName, ProjectFieldsDto } from './project-fields.dto.js';

export class CreateProjectDto extends ProjectFieldsDto {
  @ApiProperty({ description: '项目编码（唯一）', example: 'LC2024-S101', maxLength: 64 })
  @IsDefined({ message: '缺少项目编码 code' })
  @IsText(64)
  @Matches(/^[\p{L}\p{N}._\-/]+$/u, { message: '项目编码只能包含字母、数字和 . _ - /' })
  code: string;

  @ApiProperty({ description: '项目名称', maxLength: 200 })
  @IsDefined({ message: '缺少项目名称 name' })
  @IsProjectName()
  name: string;
}
