import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row counting committed write transactions, bumped inside each of them
 * (write-queue.ts). Every app server reads it, so anything computed from the data and kept in
 * memory (the board cache) knows at once when any server has written.
 */
@Entity('write_counter')
export class WriteCounter {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'bigint' })
  version: string;
}
