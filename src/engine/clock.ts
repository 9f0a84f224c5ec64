/**
 * The engine owns time. A clock calls `onTicks` at a fixed rate; games count ticks and never
 * read time themselves. Two clocks: a real one for the table and a manual one for tests and
 * headless runs.
 */
export interface Clock {
  /**
   * Starts calling `onTicks(due)` so that `rate` ticks per second run (1..120). `due` is how
   * many ticks fell due since the last call (1, or more after a stall): the engine runs that
   * many updates and presents one frame.
   */
  start(rate: number, onTicks: (due: number) => void): void;
  /** Stops; no tick runs after stop() returns. Safe to call twice. */
  stop(): void;
}

/** Runs ticks only when told: `step(n)` runs n ticks at once, synchronously, a frame each. */
export class ManualClock implements Clock {
  private onTick: ((due: number) => void) | undefined;
  ticks = 0;

  start(_rate: number, onTicks: (due: number) => void): void {
    this.onTick = onTicks;
  }

  stop(): void {
    this.onTick = undefined;
  }

  step(n = 1): void {
    for (let i = 0; i < n && this.onTick; i++) {
      this.ticks++;
      this.onTick(1);
    }
  }
}

export interface RealClockOptions {
  /** Most ticks run back to back after a stall; the rest are dropped. Default 4. */
  maxCatchUp?: number;
  /**
   * How early (ms) a tick may run: a tick counts as due from this much before its deadline.
   * Node's timers fire from about 1 ms early to 1 ms late (see TIMER_SLACK_MS); with a lead of 1
   * every tick runs within about ±1 ms of its deadline instead of 0 to +2 (the real table uses
   * 1). Default 0: never run a tick before its deadline.
   */
  lead?: number;
  /** Monotonic time in ms. Default performance.now. */
  now?: () => number;
  /** Timer functions; default the global setTimeout/clearTimeout. */
  timers?: {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

/**
 * How much later (ms) than the moment a tick falls due its timer is armed. Node counts a timer
 * from the event loop's cached time, whole milliseconds taken before the current tick ran, so it
 * fires up to about 1 ms before the delay asked for. Armed exactly at the due moment, a timer
 * woke 1 ms early on 70–90 % of ticks, found nothing due and slept again: two wakes per tick.
 */
const TIMER_SLACK_MS = 1;

/**
 * Schedules against absolute deadlines (start + n·period), so errors never accumulate: 60 Hz
 * for 60 s is 3600 ticks; each tick runs at most `lead` ms before its deadline. Sleeps with one
 * setTimeout between ticks (no busy-spinning, one wake per tick; input that arrived meanwhile
 * was read in the same event-loop turn, as libuv polls I/O before it runs due timers). After a
 * stall it reports the due ticks in one call (the engine updates that often and draws once);
 * beyond `maxCatchUp` periods the rest are dropped, so a hiccup never becomes a burst.
 */
export class RealClock implements Clock {
  private readonly maxCatchUp: number;
  private readonly lead: number;
  private readonly now: () => number;
  private readonly timers: NonNullable<RealClockOptions['timers']>;
  private timer: unknown;
  private running = false;
  /** Ticks run since start. */
  ticks = 0;
  /** Ticks skipped because of stalls since start. */
  dropped = 0;

  constructor(options: RealClockOptions = {}) {
    this.maxCatchUp = options.maxCatchUp ?? 4;
    this.lead = options.lead ?? 0;
    this.now = options.now ?? (() => performance.now());
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
  }

  start(rate: number, onTicks: (due: number) => void): void {
    this.stop();
    const period = 1000 / rate;
    const origin = this.now();
    const lead = Math.min(this.lead, period / 2);
    let slots = 0; // deadline slots consumed: ticks run + ticks dropped
    this.running = true;
    this.ticks = 0;
    this.dropped = 0;
    const loop = () => {
      if (!this.running) return;
      const due = Math.floor((this.now() - origin + lead) / period) - slots;
      if (due > this.maxCatchUp) {
        this.dropped += due - this.maxCatchUp;
        slots += due - this.maxCatchUp;
      }
      const run = Math.min(due, this.maxCatchUp);
      if (run > 0) {
        slots += run;
        this.ticks += run;
        onTicks(run);
      }
      if (!this.running) return;
      const nextDue = origin + (slots + 1) * period - lead;
      this.timer = this.timers.setTimeout(loop, Math.max(0, nextDue + TIMER_SLACK_MS - this.now()));
    };
    this.timer = this.timers.setTimeout(loop, period - lead + TIMER_SLACK_MS);
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
