import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { IsText, QueryInt } from '../../common/index.js';
import { NOTE_STATUSES, type NoteStatus } from '../lead-states.js';

/** A rate in percent with at most one decimal (6.3), between −100 and 1000. */
function Rate(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description: '百分比，最多一位小数', example: 6.3 }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '增幅必须是数字（%）' }),
    Min(-100, { message: '增幅不能小于 -100%' }),
    Max(1000, { message: '增幅不能大于 1000%' }),
    ValidateBy({
      name: 'oneDecimal',
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || Math.abs(value * 10 - Math.round(value * 10)) < 1e-6,
        defaultMessage: (args) => `${args?.property} 最多保留一位小数`,
      },
    }),
  );
}

/** A count of enterprises (家), 0–100,000. */
function Count(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', nullable: true, description: '家（本年累计）' }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '数量必须是数字' }),
    IsInt({ message: '数量必须是整数' }),
    Min(0, { message: '数量不能为负数' }),
    Max(100_000, { message: '数量不能超过 100000' }),
  );
}

/**
 * `PUT /api/chains/:code/indicators/:year/:quarter`: the chain's other 通用指标, year to date
 * through the quarter (docs/domain/attraction.md). Figures left out are unknown (null).
 */
export class FileIndicatorsDto {
  @Rate() revenueGrowthPct?: number | null;
  @Rate() valueAddedGrowthPct?: number | null;
  @Count() newAboveScale?: number | null;
  @Count() newQuality?: number | null;
  @Count() newHighTech?: number | null;
  @Count() newInnovationPlatforms?: number | null;
  @Rate() loanGrowthPct?: number | null;

  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsText(2000)
  note?: string | null;
}

/** `PUT /api/chains/:code/notes/:year`: the 差异化指标's status and progress note. */
export class PutChainNoteDto {
  @ApiProperty({ enum: NOTE_STATUSES, description: 'notStarted 未开始 / inProgress 推进中 / done 已完成 / behind 滞后' })
  @IsDefined({ message: '缺少状态 status' })
  @IsIn(NOTE_STATUSES, { message: `status 必须是 ${NOTE_STATUSES.join(', ')} 之一` })
  status: NoteStatus;

  @ApiPropertyOptional({ description: '进展说明' })
  @IsOptional()
  @IsText(2000)
  note?: string | null;
}

export class ChainPageQuery {
  @ApiPropertyOptional({ description: 'month 1–12 (default: the board\'s default month of the year)' })
  @IsOptional()
  @QueryInt(1, 12)
  month?: number;

  @ApiPropertyOptional({ description: 'instant with offset: only what was recorded by then' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
