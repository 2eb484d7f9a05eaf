import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, badRequest, projectRoot } from '../../common/index.js';
import { EXCEL_LIMITS } from '../limits.js';
import { checkXlsxZip } from './zip-guard.js';

/** One cell's content as the worker reports it. */
export type CellData =
  | { t: 's'; v: string }
  | { t: 'n'; v: number; f?: string }
  | { t: 'd'; v: string }
  | { t: 'b'; v: boolean }
  | { t: 'f' }
  | { t: 'e'; v: string };

/** [column, content] or, for a cell inside a merged range, [column, the range's content, [master row, master column]]. */
export type GridCell = [number, CellData] | [number, CellData, [number, number]];

/** A worksheet's non-empty cells, row by row (1-based row and column numbers, ascending). */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  rows: [number, GridCell[]][];
}

type WorkerReply = { ok: true; sheets: SheetGrid[] } | { ok: false; message: string } | { progress: { done: number; total: number } };

/** Rows of the workbook converted so far, of all its rows (0 of 0 while the file is still being unpacked). */
export type ParseProgress = (done: number, total: number) => void;

const WORKER_FILE = join(projectRoot(), 'src/excel/parsing/read-workbook.worker.mjs');

/**
 * Reads an uploaded workbook: the zip is checked first (zip-guard.ts), then parsed by exceljs
 * in a worker thread whose heap and running time are capped, so that no file, however built,
 * can take the server's memory or hold it for long. Refusals are 4xx in the contract's shape.
 */
export async function readWorkbook(buffer: Buffer, progress?: ParseProgress): Promise<SheetGrid[]> {
  checkXlsxZip(buffer);
  return parseSlots.run(() => parseInWorker(buffer, progress));
}

function parseInWorker(buffer: Buffer, progress?: ParseProgress): Promise<SheetGrid[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { buffer },
      resourceLimits: { maxOldGenerationSizeMb: EXCEL_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // Whatever exceljs might print is dropped, not echoed into the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(tooComplex(`读取超过 ${EXCEL_LIMITS.workerTimeoutMs / 1000} 秒`))),
      EXCEL_LIMITS.workerTimeoutMs,
    );
    worker.on('message', (reply: WorkerReply) => {
      if ('progress' in reply) {
        if (!settled) progress?.(reply.progress.done, reply.progress.total);
        return;
      }
      finish(() => (reply.ok ? resolve(reply.sheets) : reject(unreadable(reply.message))));
    });
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex('所需内存超过上限') : unreadable(error.message))),
    );
    worker.once('exit', (code) => finish(() => reject(code === 0 ? unreadable('没有结果') : tooComplex(`解析进程退出（${code}）`))));
  });
}

function unreadable(why: string): ApiError {
  const message = `无法读取工作簿：文件已损坏或不是有效的 .xlsx（${why.slice(0, 200)}）`;
  return badRequest(message, [{ field: 'file', code: 'unreadableWorkbook', message }]);
}

function tooComplex(why: string): ApiError {
  const message = `工作簿过于复杂，无法在限定资源内读取（${why}）`;
  return new ApiError(422, message, [{ field: 'file', code: 'workbookTooComplex', message }]);
}

/** At most N parses at a time; the rest wait their turn (each worker may use the whole heap cap). */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // a finishing parse hands its slot over
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const parseSlots = new Slots(EXCEL_LIMITS.concurrentParses);
