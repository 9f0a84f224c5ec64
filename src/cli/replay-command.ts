import { jsonSyntaxError } from '../config/json-syntax.ts';
import type { GameParams } from '../config/options.ts';
import { readLimitedText } from '../config/read-limited.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger, MemoryLogger } from '../engine/log.ts';
import {
  frameHash,
  MAX_REPLAY_BYTES,
  parseReplay,
  type Replay,
  ReplayClock,
  replayTables,
} from '../replay/replay.ts';
import { createAudio, describeAudio } from './audio-setup.ts';
import { dumpFrame, runHeadless } from './headless.ts';
import { type CliIo, UsageError } from './io.ts';
import type { Options } from './options.ts';
import { runTable } from './run-table.ts';
import { choicesFor, findGame, prepareTable } from './table-setup.ts';

/** Seconds the last frame of a real-time replay stays on the outputs before it exits. */
const HOLD_LAST_FRAME_MS = 3000;

/**
 * `ledtable replay FILE`: plays a recording again with its seed, choices, rate and size.
 * Headless it runs as fast as possible (with --dump printing the final frame); otherwise in real
 * time on the configured outputs, keys ignored (Ctrl-C stops). Exit code 1 when the final frame
 * differs from the recorded one (the game's code changed since, or it is not deterministic).
 */
export async function replayCommand(
  file: string | undefined,
  options: Options,
  io: CliIo,
  quiet: MemoryLogger,
  interactiveLog: () => Logger,
): Promise<number> {
  const replay = loadReplay(file);
  const replayed = replayOptions(options, replay);
  const params: GameParams = replayParams(replay);
  const source = file ?? 'replay';
  if (options.headless) {
    const table = await prepareTable(replayed, params, quiet);
    const audio = createAudio(replayed, table.gamesDir, io.env, (line) => quiet.warn(line), true);
    const run = await inReplay(source, () =>
      runHeadless(table, replay.game, params, quiet, {
        events: replay.events,
        tables: replayTables(replay),
        ...(audio ? { audio } : {}),
      }),
    );
    if (audio) io.stderr.write(`ledtable: ${describeAudio(audio)}\n`);
    if (options.dump) dumpFrame(io, run.engine.frame);
    for (const line of quiet.lines) if (!line.startsWith('info:')) io.stderr.write(`ledtable: ${line}\n`);
    return diverged(io, replay, frameHash(run.engine.frame)) ? 1 : 0;
  }
  const log = interactiveLog();
  const table = await prepareTable(replayed, params, log);
  const game = await inReplay(source, async () => findGame(table.catalog, replay.game));
  const { settings } = choicesFor(game, params);
  let engine: Engine | undefined;
  let stopRun = () => {};
  let finalHash: string | undefined;
  const code = await runTable(
    table,
    {
      game,
      launch: { seed: replay.seed, players: replay.players, settings, params: { ...replay.params } },
      keys: false,
      tables: replayTables(replay),
      clock: (real) =>
        new ReplayClock(
          real,
          replay,
          (event) => engine?.input.push(event),
          () => {
            if (engine) finalHash = frameHash(engine.frame);
            setTimeout(() => stopRun(), HOLD_LAST_FRAME_MS);
          },
        ),
      attach: (running, stop) => {
        engine = running.engine;
        stopRun = stop;
        if (replay.ticks === 0) stop();
        return undefined;
      },
    },
    io,
    log,
  );
  if (finalHash !== undefined && diverged(io, replay, finalHash)) return 1;
  return code;
}

/** Runs a replay; a problem with it (a game or setting that no longer exists) names the file. */
async function inReplay<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`${file}: ${error.message}`, RECORD_AGAIN);
  }
}

const RECORD_AGAIN = 'Record it again with `ledtable play ID --record FILE`.';

/** Reports whether the final frame matches the recording (one line on stderr either way). */
function diverged(io: CliIo, replay: Replay, hash: string): boolean {
  if (replay.finalFrameHash === undefined) return false;
  if (replay.finalFrameHash === hash) {
    io.stderr.write(`ledtable: replay of ${replay.game} matched: ${replay.ticks} ticks, same final frame\n`);
    return false;
  }
  io.stderr.write(
    `ledtable: the replay diverged: its last frame differs from the recording (${hash} ≠ ${replay.finalFrameHash}); ` +
      `the game's code or data changed since it was recorded\n`,
  );
  return true;
}

/** Reads a replay file; any problem is a UsageError naming the file. */
export function loadReplay(file: string | undefined): Replay {
  if (!file) throw new UsageError('replay needs a file: ledtable replay FILE (made with play --record FILE)');
  let text: string;
  try {
    text = readLimitedText(file, MAX_REPLAY_BYTES);
  } catch (error) {
    throw new UsageError(`replay ${file}: cannot read it (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`replay ${file} is not valid JSON: ${jsonSyntaxError(error, text)}`, '');
  }
  try {
    return parseReplay(json, file);
  } catch (error) {
    throw new UsageError((error as Error).message, RECORD_AGAIN);
  }
}

/** The options a replay runs with: the recording's seed, players, rate, size and wiring. */
export function replayOptions(options: Options, replay: Replay): Options {
  return {
    ...options,
    seed: replay.seed,
    players: replay.players,
    ticks: replay.ticks,
    fps: replay.rate,
    width: replay.width,
    height: replay.height,
    ...(replay.layout === undefined ? {} : { layout: replay.layout }),
  };
}

/** The per-game parameters of a replay, in the shape `--set` gives them. */
export function replayParams(replay: Replay): Record<string, Record<string, string | number | boolean>> {
  return { [replay.game]: { ...replay.params, ...replay.settings } };
}
