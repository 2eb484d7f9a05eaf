import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsText } from '../../common/index.js';

export class CommentDto {
  @ApiProperty({ maxLength: 2000 })
  @IsDefined({ message: '缺少评论内容 text' })
  @IsText(2000)
  text: string;
}
