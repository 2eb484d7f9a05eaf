import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error.js';
import { ChainTarget } from './chain-target.entity.js';
import { Chain } from './chain.entity.js';
import { Region } from './region.entity.js';
import { YearTarget } from './year-target.entity.js';

export interface RegionView {
  code: string;
  name: string;
  kind: 'county' | 'zone';
  bigProjectRequired: boolean;
}

export interface ChainView {
  code: string;
  no: number;
  name: string;
  flagship: boolean;
  leadUnit: string;
  /** year → { projects, investment (万元) } */
  targets: Record<string, { projects: number; investment: number }>;
}

@Injectable()
export class ReferenceService {
  constructor(private readonly dataSource: DataSource) {}

  async regions(): Promise<RegionView[]> {
    const rows = await this.dataSource.getRepository(Region).find({ order: { sortOrder: 'ASC' } });
    return rows.map(({ code, name, kind, bigProjectRequired }) => ({ code, name, kind, bigProjectRequired }));
  }

  async chains(): Promise<ChainView[]> {
    const [chains, targets] = await Promise.all([
      this.dataSource.getRepository(Chain).find({ order: { no: 'ASC' } }),
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

  /** The years that have a plan (年度目标), ascending. */
  async targetYears(): Promise<number[]> {
    const rows = await this.dataSource.getRepository(YearTarget).find({ select: { year: true }, order: { year: 'ASC' } });
    return rows.map((row) => row.year);
  }

  async yearTarget(year: number): Promise<YearTarget> {
    const target = await this.dataSource.getRepository(YearTarget).findOneBy({ year });
    if (!target) throw notFound(`没有 ${year} 年的目标`);
    return target;
  }
}
