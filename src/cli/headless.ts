import type { AudioService } from '../audio/audio-service.ts';
import { jsonSyntaxError } from '../config/json-syntax.ts';
import type { GameParams } from '../config/options.ts';
import { readLimitedText } from '../config/read-limited.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../engine/log.ts';
import { Random } from '../engine/random.ts';
import type { FrameSink } from '../engine/scene.ts';
import type { Canvas } from '../gfx/canvas.ts';
import { frameToHex } from '../gfx/frame-text.ts';
import { parseScript, type ScriptedEvent } from '../input/scripted-input.ts';
import { Stepper } from '../table/stepper.ts';
import type { Table, TableOptions } from '../table/table.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import { choicesFor, findGame, playersFor, type TableSetup } from './table-setup.ts';

/** An --inputs file larger than this is refused (about a million events). */
const MAX_INPUTS_BYTES = 64 * 1024 * 1024;

/** Reads and validates an --inputs file; any problem is a UsageError naming the file. */
export function loadInputs(file: string): ScriptedEvent[] {
  if (!file) return [];
  let text: string;
  try {
    text = readLimitedText(file, MAX_INPUTS_BYTES);
  } catch (error) {
    throw new UsageError(`--inputs ${file}: cannot read it (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--inputs ${file} is not valid JSON: ${jsonSyntaxError(error, text)}`);
  }
  try {
    return parseScript(json, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export interface HeadlessRun {
  readonly table: Table;
  readonly engine: Engine;
  readonly seed: number;
  /** Frames seen by `onFrame`, one per tick. */
  readonly ticks: number;
}

/**
 * Runs a game on the manual clock as fast as possible: scripted input lands on its tick, pending
 * tasks are awaited before every tick, so the same seed and inputs always give the same frames.
 */
export interface HeadlessHooks {
  /** Sees every frame as the game drew it (capture, --record). */
  readonly onFrame?: (frame: Canvas, tick: number) => void;
  /** Real outputs, when --output was given. */
  readonly sink?: FrameSink;
  /** Scripted input to use instead of the --inputs file (replays). */
  readonly events?: readonly ScriptedEvent[];
  /** Called once the game is started, before its first tick (--record attaches here). */
  readonly onStart?: (table: Table) => void;
  /** Best scores and game stores to start from (a replay's); default: empty, in memory. */
  readonly tables?: Pick<TableOptions, 'scores' | 'stores'>;
  /** The run's sound (--audio wav:FILE, --out FILE.wav): rendered every tick, closed at the end. */
  readonly audio?: AudioService;
}

export async function runHeadless(
  setup: TableSetup,
  gameId: string | undefined,
  gameParams: GameParams,
  log: Logger,
  hooks: HeadlessHooks = {},
): Promise<HeadlessRun> {
  const { options } = setup;
  const { onFrame, sink } = hooks;
  const game = findGame(setup.catalog, gameId);
  const seed = options.seed ?? Random.freshSeed();
  let ticks = 0;
  const stepper = new Stepper(
    {
      ...setup.tableBase,
      ...hooks.tables,
      log,
      seed,
      idleSeconds: 0,
      ...(hooks.audio ? { audio: hooks.audio } : {}),
      sink: {
        show(frame) {
          sink?.show(frame);
          onFrame?.(frame, ticks++);
        },
      },
    },
    hooks.events ?? loadInputs(options.inputs),
  );
  const { table, engine } = stepper;
  const { settings, params } = choicesFor(game, gameParams);
  const players = playersFor(game, options.players);
  try {
    table.play(game, { seed, settings, params, ...players });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  await engine.settle();
  hooks.onStart?.(table);
  await stepper.step(options.ticks);
  stepper.stop();
  await hooks.audio?.close();
  return { table, engine, seed, ticks };
}

/** The `--dump` text of the final frame. */
export function dumpFrame(io: CliIo, frame: Canvas): void {
  io.stdout.write(`${frameToHex(frame)}\n`);
}
