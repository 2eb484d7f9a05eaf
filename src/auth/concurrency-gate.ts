/**
 * At most `limit` tasks at once, at most `queueLimit` more waiting in arrival order; a task
 * that finds the queue full is refused at once (`run` returns `{ refused: true }`) instead
 * of adding to a wait nobody would sit through.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly queueLimit: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<{ refused: false; value: T } | { refused: true }> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.queueLimit) return { refused: true };
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    try {
      return { refused: false, value: await task() };
    } finally {
      const next = this.waiting.shift();
      // The place passes straight to the next in line, so `active` never exceeds the limit.
      if (next) next();
      else this.active--;
    }
  }
}
