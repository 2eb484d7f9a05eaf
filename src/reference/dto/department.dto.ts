import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDefined, IsString, MaxLength } from 'class-validator';
import { IsName } from '../../common/index.js';

/** `PUT /api/departments/:code`. */
export class PutDepartmentDto {
  @ApiProperty({ example: '市自然资源和规划局' })
  @IsDefined({ message: '缺少部门名称 name' })
  @IsName(64)
  name: string;

  @ApiProperty({ description: '承办的需求类型（每类只属一个部门；列出别的部门的类型即把它移交过来）', example: ['land'] })
  @IsDefined({ message: '缺少承办类型 kinds' })
  @IsArray({ message: 'kinds 必须是需求类型代码的数组' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: 'kinds 的每一项必须是文本' })
  @MaxLength(32, { each: true })
  kinds: string[];
}
