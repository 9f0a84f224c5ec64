import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { unsafeKeyIn } from '../config/safe-keys.ts';
import type { Clock } from '../engine/clock.ts';
import type { Canvas } from '../gfx/canvas.ts';
import type { ButtonEvent } from '../input/buttons.ts';
import type { InputRecorder } from '../input/input-state.ts';
import { parseScript, type ScriptedEvent, ScriptedInput } from '../input/scripted-input.ts';
import { InMemory, type ScoreTable, type StoreTable } from '../table/persistence.ts';
import type { Table } from '../table/table.ts';

export const REPLAY_VERSION = 1;

/**
 * A recorded run: everything needed to play it again frame for frame. `events` are the button
 * events the engine sampled, at the tick it sampled them (0 = the game's first tick), so feeding
 * them back before those ticks reproduces every frame. Small: about 50 bytes per event.
 */
export interface Replay {
  readonly version: typeof REPLAY_VERSION;
  readonly game: string;
  readonly seed: number;
  readonly players: number;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  /** Ticks per second, canvas size and wiring of the recording table. */
  readonly rate: number;
  readonly width: number;
  readonly height: number;
  readonly layout?: string;
  readonly events: readonly ScriptedEvent[];
  /** Ticks the recording ran. */
  readonly ticks: number;
  /** frameHash() of the last frame, to tell a faithful replay from a diverged one. */
  readonly finalFrameHash?: string;
  /**
   * The game's best scores (score key → score) and its store (ctx.store) when the recording
   * started: the result screen's "HI n" and anything a game keeps between runs shape frames, so a
   * replay starts from them instead of the player's own files. Absent in older recordings: empty.
   */
  readonly scores?: Readonly<Record<string, number>>;
  readonly store?: Readonly<Record<string, unknown>>;
}

/** The table state a replay must start from: its game's best scores and store, in memory only. */
export function replayTables(replay: Replay): { scores: InMemory<ScoreTable>; stores: InMemory<StoreTable> } {
  return {
    scores: new InMemory<ScoreTable>({ [replay.game]: { ...replay.scores } }),
    stores: new InMemory<StoreTable>({ [replay.game]: JSON.parse(JSON.stringify(replay.store ?? {})) }),
  };
}

/** A short hash of a frame's pixels (16 hex digits). */
export function frameHash(canvas: Canvas): string {
  return createHash('sha256').update(canvas.pixels).digest('hex').slice(0, 16);
}

/**
 * Records a run: attach it right after `engine.play()` (before the game's first tick); every
 * event `sample()` applies is kept with its tick relative to that moment. `finish()` detaches
 * and returns the Replay.
 */
export class ReplayRecorder implements InputRecorder {
  private readonly events: ScriptedEvent[] = [];
  private readonly start: number;
  private readonly header: Omit<Replay, 'events' | 'ticks' | 'finalFrameHash'>;

  constructor(
    private readonly table: Table,
    layout?: string,
  ) {
    const { engine } = table;
    const launch = table.lastLaunch;
    if (!launch) throw new Error('ReplayRecorder: start a game with table.play() before recording');
    this.start = engine.tick;
    const setup = engine.game?.setup;
    this.header = {
      version: REPLAY_VERSION,
      game: launch.game.id,
      seed: launch.options.seed,
      players: launch.options.players,
      settings: { ...launch.options.settings },
      params: { ...(setup?.params ?? launch.options.params) },
      rate: engine.rate,
      width: engine.width,
      height: engine.height,
      ...(layout === undefined ? {} : { layout }),
      scores: { ...table.scores.all(launch.game.id) },
      store: table.stores.snapshot(launch.game.id),
    };
    engine.input.recorder = this;
  }

  sampled(event: ButtonEvent): void {
    const { player, button, down } = event;
    this.events.push({ tick: this.table.engine.tick - this.start, player, button, down });
  }

  /** Stops recording; the replay ends with the last frame the engine showed. */
  finish(): Replay {
    if (this.table.engine.input.recorder === this) this.table.engine.input.recorder = undefined;
    return {
      ...this.header,
      events: this.events,
      ticks: this.table.engine.tick - this.start,
      finalFrameHash: frameHash(this.table.engine.frame),
    };
  }
}

/** Writes a replay as JSON with one event per line (diffable, a few kB per minute of play). */
export function saveReplay(file: string, replay: Replay): void {
  const { events, ...header } = replay;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const lines = events.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  writeFileSync(file, `${head},\n  "events": [\n${lines}${lines ? '\n' : ''}  ]\n}\n`);
}

/** A replay file larger than this is refused. */
export const MAX_REPLAY_BYTES = 64 * 1024 * 1024;

/** The most ticks a replay may hold: one hour at the highest rate (120 Hz). */
export const MAX_REPLAY_TICKS = 120 * 3600;

/** Validates a replay's JSON; throws one Error listing every problem. */
export function parseReplay(json: unknown, source = 'replay'): Replay {
  if (typeof json !== 'object' || json === null) throw new Error(`${source}: expected a JSON object`);
  const unsafe = unsafeKeyIn(json);
  if (unsafe !== undefined) throw new Error(`${source}: the key "${unsafe}" is refused; record it again`);
  const r = json as Record<string, unknown>;
  const problems: string[] = [];
  if (r.version !== REPLAY_VERSION) {
    problems.push(
      `${source}: version ${JSON.stringify(r.version)} is not ${REPLAY_VERSION}; record it again`,
    );
  }
  const int = (key: string, min: number, max: number) => {
    const value = r[key];
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      problems.push(`${source}.${key}: ${JSON.stringify(value)} must be an integer from ${min} to ${max}`);
    }
  };
  if (typeof r.game !== 'string' || r.game === '') problems.push(`${source}.game: must be a game id`);
  int('seed', 0, 0xffffffff);
  int('players', 1, 4);
  int('rate', 1, 120);
  int('width', 1, 256);
  int('height', 1, 256);
  int('ticks', 0, MAX_REPLAY_TICKS);
  for (const key of ['settings', 'params']) {
    if (typeof r[key] !== 'object' || r[key] === null || Array.isArray(r[key])) {
      problems.push(`${source}.${key}: must be an object`);
    }
  }
  if (r.layout !== undefined && typeof r.layout !== 'string')
    problems.push(`${source}.layout: must be a string`);
  for (const key of ['scores', 'store']) {
    const value = r[key];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))
      problems.push(`${source}.${key}: must be an object`);
  }
  if (r.scores !== undefined && Object.values(r.scores as object).some((v) => typeof v !== 'number'))
    problems.push(`${source}.scores: every best score must be a number`);
  let events: ScriptedEvent[] = [];
  try {
    events = parseScript(r.events, `${source}.events`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { ...(r as unknown as Replay), events };
}

/**
 * Wraps a clock for a real-time replay: before tick n (0 = the first) it pushes the replay's
 * events for tick n into the engine's input; after `replay.ticks` ticks it stops ticking (the
 * last frame stays on the outputs) and calls `done`.
 */
export class ReplayClock implements Clock {
  private ticks = 0;
  private readonly script: ScriptedInput;

  constructor(
    private readonly inner: Clock,
    private readonly replay: Replay,
    private readonly push: (event: ButtonEvent) => void,
    private readonly done: () => void,
  ) {
    this.script = new ScriptedInput(replay.events);
  }

  /** Each due tick gets its own events and frame: a replay keeps every tick's input apart. */
  start(rate: number, onTicks: (due: number) => void): void {
    this.inner.start(rate, (due) => {
      for (let i = 0; i < due && this.ticks < this.replay.ticks; i++) {
        this.script.deliver(this.ticks, this.push);
        this.ticks++;
        onTicks(1);
        if (this.ticks === this.replay.ticks) this.done();
      }
    });
  }

  stop(): void {
    this.inner.stop();
  }
}
