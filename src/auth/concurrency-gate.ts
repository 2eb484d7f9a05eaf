/**
 * At most `limit` tasks at once. Others wait in two lines: a **first** line, never refused, for
 * tasks the caller marks as such (sign-in checks from an address with no attempt in the window:
 * one each at most, see login-limiter.ts), and an ordinary line of at most `queueLimit`, in
 * arrival order. A free place goes to the first line before the ordinary one. An ordinary task
 * that finds its line full is refused at once (`run` returns `{ refused: true }`) instead of
 * adding to a wait nobody would sit through; so a burst can fill the ordinary line, never keep
 * out a first-line task.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly first: (() => void)[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly queueLimit: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.first.length + this.waiting.length;
  }

  async run<T>(task: () => Promise<T>, options: { first?: boolean } = {}): Promise<{ refused: false; value: T } | { refused: true }> {
    if (this.active >= this.limit) {
      const line = options.first ? this.first : this.waiting;
      if (!options.first && this.waiting.length >= this.queueLimit) return { refused: true };
      await new Promise<void>((resolve) => line.push(resolve));
    } else this.active++;
    try {
      return { refused: false, value: await task() };
    } finally {
      const next = this.first.shift() ?? this.waiting.shift();
      // The place passes straight to the next in line, so `active` never exceeds the limit.
      if (next) next();
      else this.active--;
    }
  }
}
