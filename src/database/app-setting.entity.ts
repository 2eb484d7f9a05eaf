import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Settings the app generates once and keeps, such as the token signing key. */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
