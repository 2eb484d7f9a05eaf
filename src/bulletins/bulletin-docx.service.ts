import { Injectable } from '@nestjs/common';
import { Clock } from '../common/index.js';
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
    // The Word library is loaded on the first document, not at start (docs/development.md "Where the suite's time goes").
    const { bulletinDocument } = await import('./bulletin-document.js');
    return bulletinDocument(bulletin, {
      dateOf: (instant) => this.clock.dateOf(instant),
      wallClock: (instant) => this.clock.wallClock(instant),
      zoneLabel: this.clock.zoneLabel,
    });
  }
}
