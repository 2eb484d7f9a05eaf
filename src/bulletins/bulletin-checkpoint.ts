import type { DataSource } from 'typeorm';
import type { Checkpoint } from '../audit/index.js';
import { notFound, unprocessable } from '../common/index.js';
import { Bulletin } from './bulletin.entity.js';

/**
 * The audit checkpoint a published bulletin carries (`YYYY-MM`): what `GET /api/audit/verify?bulletin=`
 * holds the log to. 404 when no bulletin was published for the month, 422 when it has no checkpoint.
 */
export async function bulletinCheckpoint(dataSource: DataSource, year: number, month: number): Promise<Checkpoint> {
  const bulletin = await dataSource.getRepository(Bulletin).findOneBy({ year, month });
  if (!bulletin) throw notFound(`${year}年${month}月通报尚未发布`);
  if (bulletin.checkpointSeq === null || bulletin.checkpointHash === null)
    throw unprocessable(`${year}年${month}月通报没有审计检查点`, [{ field: 'bulletin', code: 'noCheckpoint', message: '该通报发布时的审计条目已不在日志中' }]);
  return { seq: bulletin.checkpointSeq, hash: bulletin.checkpointHash };
}
