import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardModule } from '../board/index.js';
import { RequestsModule } from '../requests/index.js';
import { AgendaDocxController } from './agenda-docx.controller.js';
import { Bulletin } from './bulletin.entity.js';
import { BulletinCommentary } from './bulletin-commentary.entity.js';
import { BulletinCommentaryService } from './bulletin-commentary.service.js';
import { BulletinDocxController } from './bulletin-docx.controller.js';
import { BulletinsController } from './bulletins.controller.js';
import { BulletinsService } from './bulletins.service.js';
import { BulletinDocxService } from './bulletin-docx.service.js';

export const BULLETIN_ENTITIES = [Bulletin, BulletinCommentary];

/** Published monthly bulletins (月通报): stored byte for byte, closing their months, with their words (drafted, edited, corrected); the Word copy; the 常务会 paper. */
@Module({
  imports: [TypeOrmModule.forFeature(BULLETIN_ENTITIES), BoardModule, RequestsModule],
  controllers: [BulletinsController, BulletinDocxController, AgendaDocxController],
  providers: [BulletinsService, BulletinCommentaryService, BulletinDocxService],
  exports: [BulletinsService, BulletinCommentaryService],
})
export class BulletinsModule {}
