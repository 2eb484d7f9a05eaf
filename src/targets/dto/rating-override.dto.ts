import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsText } from '../../common/validation.js';

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

export class PatchThresholdsDto {
  @ApiProperty({ description: '蓝：完成率 ≥ 此百分比', example: 100 })
  @IsDefined()
  @IsNumber()
  @IsInt()
  @Min(1)
  @Max(1000)
  ratingBluePct: number;

  @ApiProperty({ description: '黄：完成率 ≥ 此百分比且低于蓝线；以下为红', example: 80 })
  @IsDefined()
  @IsNumber()
  @IsInt()
  @Min(0)
  @Max(1000)
  ratingYellowPct: number;
}
