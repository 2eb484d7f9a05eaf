import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the twelve industry chains (产业链) of the 2024 work plan appendix. */
@Entity('chain')
export class Chain {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  /** The appendix row, 1–12. */
  @Column({ type: 'integer', unique: true })
  no: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** 标志性产业链 (有色金属, 绿色化工, 新能源, 大健康). */
  @Column({ type: 'boolean' })
  flagship: boolean;

  /** 责任单位. */
  @Column({ name: 'lead_unit', type: 'varchar', length: 64 })
  leadUnit: string;
}
