export interface RepeatingTaskOptions {
  /** Delay from start() to the first run, so a restart does not wait a whole interval. */
  firstRunAfterMs: number;
  everyMs: number;
  /** Called with anything the work throws; the schedule goes on. */
  onError: (error: unknown) => void;
}

/**
 * Runs async work on a fixed interval inside a service process: never two runs at once (a tick
 * while one is running is skipped), timers unref'd so they never keep the process alive, and
 * stop() waits for a run in progress so the database is not closed under it.
 */
export class RepeatingTask {
  private firstRun: NodeJS.Timeout | null = null;
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly options: RepeatingTaskOptions,
  ) {}

  get started(): boolean {
    return this.firstRun !== null || this.interval !== null;
  }

  start(): void {
    if (this.started) return;
    this.firstRun = setTimeout(() => {
      this.firstRun = null;
      this.interval = setInterval(() => this.tick(), this.options.everyMs);
      this.interval.unref();
      this.tick();
    }, this.options.firstRunAfterMs);
    this.firstRun.unref();
  }

  async stop(): Promise<void> {
    if (this.firstRun) clearTimeout(this.firstRun);
    if (this.interval) clearInterval(this.interval);
    this.firstRun = null;
    this.interval = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = Promise.resolve()
      .then(() => this.work())
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.running = null;
      });
  }
}
