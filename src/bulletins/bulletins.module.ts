import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardModule } from '../board/index.js';
import { Bulletin } from './bulletin.entity.js';
import { BulletinDocxController } from './bulletin-docx.controller.js';
import { BulletinsController } from './bulletins.controller.js';
import { BulletinsService } from './bulletins.service.js';
import { BulletinDocxService } from './bulletin-docx.service.js';

export const BULLETIN_ENTITIES = [Bulletin];

/** Published monthly bulletins (月通报): stored byte for byte, closing their months; the Word copy. */
@Module({
  imports: [TypeOrmModule.forFeature(BULLETIN_ENTITIES), BoardModule],
  controllers: [BulletinsController, BulletinDocxController],
  providers: [BulletinsService, BulletinDocxService],
  exports: [BulletinsService],
})
export class BulletinsModule {}
