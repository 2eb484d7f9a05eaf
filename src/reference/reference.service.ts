import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Chain } from './chain.entity.js';
import { Region } from './region.entity.js';

export interface RegionView {
  code: string;
  name: string;
  kind: 'county' | 'zone';
  bigProjectRequired: boolean;
}

/** The reference data every module names: the places, the chains (and, in departments.service.ts, the 要素保障 departments). */
@Injectable()
export class ReferenceService {
  constructor(private readonly dataSource: DataSource) {}

  async regions(): Promise<RegionView[]> {
    const rows = await this.dataSource.getRepository(Region).find({ order: { sortOrder: 'ASC' } });
    return rows.map(({ code, name, kind, bigProjectRequired }) => ({ code, name, kind, bigProjectRequired }));
  }

  regionExists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(Region, { code });
  }

  chainExists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(Chain, { code });
  }

  /** The twelve chains in the appendix's order (附件序号). */
  chainRows(manager: EntityManager = this.dataSource.manager): Promise<Chain[]> {
    return manager.find(Chain, { order: { no: 'ASC' } });
  }

  /** The eleven places in their display order. */
  regionRows(manager: EntityManager = this.dataSource.manager): Promise<Region[]> {
    return manager.find(Region, { order: { sortOrder: 'ASC' } });
  }
}
