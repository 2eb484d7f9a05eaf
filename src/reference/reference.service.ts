import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChainTarget } from '../plans/chain-target.entity.js';
import { Chain } from './chain.entity.js';
import { Region } from './region.entity.js';

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
}
