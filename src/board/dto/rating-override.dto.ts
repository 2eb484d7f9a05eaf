import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional } from 'class-validator';
import { IsText } from '../../common/index.js';

export class PutRatingOverrideDto {
  @ApiProperty({ enum: ['blue', 'yellow', 'red'] })
  @IsDefined({ message: '缺少颜色 rating' })
  @IsIn(['blue', 'yellow', 'red'], { message: 'rating 必须是 blue、yellow 或 red' })
  rating: 'blue' | 'yellow' | 'red';

  @ApiProperty({ description: '调整原因（必填；缺少时 422）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
