import { Injectable } from '@nestjs/common';
import { Clock } from '../common/index.js';
import { bulletinDocument } from './bulletin-document.js';
import type { PublishedBulletin } from './bulletin-format.js';
import { BulletinsService } from './bulletins.service.js';

/** The published bulletin as a Word document (.docx), built from its stored JSON, so every copy is the same (heavy work: run in a worker thread). */
@Injectable()
export class BulletinDocxService {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly clock: Clock,
  ) {}

  async docx(year: number, month: number): Promise<Buffer> {
    const bulletin = JSON.parse(await this.bulletins.find(year, month)) as PublishedBulletin;
    return bulletinDocument(bulletin, {
      dateOf: (instant) => this.clock.dateOf(instant),
      wallClock: (instant) => this.clock.wallClock(instant),
      zoneLabel: this.clock.zoneLabel,
    });
  }
}
