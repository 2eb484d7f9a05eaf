import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceService } from '../reference/index.js';
import { ChainTarget } from './chain-target.entity.js';

export interface ChainView {
  code: string;
  no: number;
  name: string;
  flagship: boolean;
  leadUnit: string;
  /** year → { projects, investment (万元) } */
  targets: Record<string, { projects: number; investment: number }>;
}

/** The twelve chains with each year plan's targets for them (the appendix's 通用指标, GET /api/chains). */
@Injectable()
export class ChainTargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
  ) {}

  async chains(): Promise<ChainView[]> {
    const [chains, targets] = await Promise.all([
      this.reference.chainRows(),
      this.dataSource.getRepository(ChainTarget).find({ order: { year: 'ASC' } }),
    ]);
    return chains.map((chain) => ({
      code: chain.code,
      no: chain.no,
      name: chain.name,
      flagship: chain.flagship,
      leadUnit: chain.leadUnit,
      targets: Object.fromEntries(
        targets
          .filter((t) => t.chainCode === chain.code)
          .map((t) => [String(t.year), { projects: t.projects, investment: t.investmentWan }]),
      ),
    }));
  }
}
