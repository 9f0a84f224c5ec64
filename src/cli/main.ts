import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonFile } from '../config/json-store.ts';
import type { GameParams } from '../config/options.ts';
import { checkGameParams } from '../config/params.ts';
import { dataDirectory, logFilePath } from '../config/paths.ts';
import { describeError, type Logger, MemoryLogger } from '../engine/log.ts';
import { Random } from '../engine/random.ts';
import { describeKeymap } from '../input/keymap.ts';
import { ReplayRecorder, saveReplay } from '../replay/replay.ts';
import type { AudioInputFactory } from '../sound-in/audio-input.ts';
import { BUILT_IN_REPLAYS, loadDemos } from '../table/demos.ts';
import { IdleShow } from '../table/idle-show.ts';
import { DEFAULT_PLAYLIST, parsePlaylistItem } from '../table/playlist-item.ts';
import type { Table } from '../table/table.ts';
import { audioInputFactory } from './audio-input.ts';
import { createAudio, describeAudio, isWavOut } from './audio-setup.ts';
import { BUILT_IN_GAMES, discoverGames } from './discover.ts';
import { FileLogger } from './file-logger.ts';
import { gameOptionGroups, withFlaggedParams } from './game-options.ts';
import { type CliIo, HELP_HINT, processIo, UsageError } from './io.ts';
import { type Options, programHelp, resolveOptions, savedSettingsProblem } from './options.ts';
import type { RunRequest } from './run-table.ts';
import { runsAsService } from './table-controls.ts';
import { choicesFor, findGame, playersFor, prepareTable, type TableSetup } from './table-setup.ts';
import { resumeUpdate, updateLine } from './update/update-line.ts';

export const COMMANDS = [
  { usage: 'ledtable', summary: 'The menu on the configured output (the terminal by default).' },
  {
    usage: 'ledtable play <id> [--players N] [--seed N] [--set key=value]',
    summary: 'Start one game or app.',
  },
  {
    usage:
      'ledtable play <id> --headless --ticks N [--seed N] [--inputs FILE] [--dump] [--out FILE.png|FILE.gif|FILE.wav]',
    summary:
      'Run without a clock or terminal, as fast as possible; --dump prints the final frame as hex, ' +
      "--out saves it as a PNG, the whole run as a GIF, or the run's sound as a WAV.",
  },
  { usage: 'ledtable list [--json]', summary: 'Games and apps found in games/.' },
  {
    usage: 'ledtable play <id> [--watch] [--record FILE]',
    summary: 'Hot reload on every save in games/; record the run for `replay` (also with --headless).',
  },
  {
    usage: 'ledtable replay FILE [--headless --dump] [--output OUT]',
    summary: 'Play a recording again frame for frame: in real time, or headless as fast as possible.',
  },
  {
    usage: 'ledtable new <id> [--games DIR]',
    summary: 'Scaffold games/<id>/: a small working game, its test and README.',
  },
  {
    usage: 'ledtable gamepad learn',
    summary: 'Teach a HID gamepad (node-hid) its buttons, one prompt each; saved by vendor:product id.',
  },
  {
    usage: 'ledtable doctor [--supply-amps A]',
    summary:
      'Check this machine for the LEDs: board, OS, Node, groups, overlays, devices, audio vs PWM, the service, outputs, power.',
  },
  {
    usage: 'ledtable update status [--data-dir DIR]',
    summary:
      "The last update's steps and result (the update itself: SETTINGS › UPDATE on the table, or sudo systemctl start ledtable-update).",
  },
  {
    usage: 'ledtable bench [WORD] [--json] [--quick]',
    summary:
      'Measure loop timing, per-tick cost, memory, output and viewer figures (WORD: only the sections whose title has it).',
  },
] as const;

/** Runs one command line; resolves with the exit code (2 for a usage mistake). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  // `ledtable --version` alone answers before the games are discovered.
  if (argv.length === 1 && argv[0] === '--version') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  // Games declare flags too (the viewer's --path): find the games folder, then parse for real.
  const pre = resolveOptions([...argv], io.env, readFileSync, undefined, [], true);
  const catalog = pre.options.version ? [] : (await discoverGames(pre.options.games || BUILT_IN_GAMES)).games;
  const gameGroups = gameOptionGroups(catalog);
  const first = resolveOptions([...argv], io.env, readFileSync, undefined, gameGroups);
  if (first.problems.length > 0) return usage(io, first.problems);
  // Settings changed at the table live in the data directory; flags still win over them.
  const settingsFile = new JsonFile<Partial<Options>>(
    join(dataDirectory(first.options, io.env), 'settings.json'),
    () => ({}),
    (message) => io.stderr.write(`ledtable: ${message}\n`),
    savedSettingsProblem,
  );
  const resolved = resolveOptions([...argv], io.env, readFileSync, settingsFile.read(), gameGroups);
  if (resolved.problems.length > 0) return usage(io, resolved.problems);
  const { options, command } = resolved;
  const checked = checkGameParams(catalog, withFlaggedParams(catalog, options, resolved.gameParams));
  if (checked.problems.length > 0) return usage(io, checked.problems);
  const gameParams = checked.params;

  if (options.help || command[0] === 'help') {
    io.stdout.write(`${programHelp(COMMANDS, describeKeymap(), gameGroups, catalog)}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  try {
    return await runCommand(command, options, gameParams, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, [error.message], error.hint);
    const { message, stack } = describeError(error);
    io.stderr.write(
      `ledtable: unexpected error: ${options.debug ? stack : `${message} (--debug shows the stack)`}\n`,
    );
    return 1;
  }
}

async function runCommand(
  command: readonly string[],
  options: Options,
  gameParams: GameParams,
  io: CliIo,
): Promise<number> {
  const [verb = '', ...rest] = command;
  const quiet = new MemoryLogger();
  switch (verb) {
    case 'list': {
      const { formatList } = await import('./list.ts');
      const table = await prepareTable(options, gameParams, quiet);
      io.stdout.write(`${formatList(table.catalog, options.json)}\n`);
      reportProblems(io, quiet);
      return 0;
    }
    case 'new': {
      const { createGame } = await import('./new-game.ts');
      const made = createGame(rest[0], options.games || BUILT_IN_GAMES);
      io.stdout.write(`created ${made.dir}/ (${made.files.join(', ')})\n${made.next}\n`);
      return 0;
    }
    case 'replay': {
      const { replayCommand } = await import('./replay-command.ts');
      const interactiveLog = () => new FileLogger(logFilePath(options, io.env), () => {}, options.debug);
      return replayCommand(rest[0], options, io, quiet, interactiveLog);
    }
    case 'bench': {
      const { runBench } = await import('./bench/run-bench.ts');
      const table = await prepareTable(options, gameParams, quiet);
      return runBench(table, io, options.json, rest[0], { quick: options.quick });
    }
    case 'doctor': {
      const { runDoctor } = await import('./doctor.ts');
      const table = await prepareTable(options, gameParams, quiet);
      return runDoctor(options, table.layout, io);
    }
    case 'gamepad': {
      if (rest[0] !== 'learn') throw new UsageError('gamepad needs a sub-command: ledtable gamepad learn');
      const { runGamepadLearn } = await import('./gamepad-learn.ts');
      return runGamepadLearn(dataDirectory(options, io.env), io);
    }
    case 'update': {
      if (rest[0] !== 'status')
        throw new UsageError(
          'update needs a sub-command: ledtable update status (to update: SETTINGS › UPDATE on the table, or sudo systemctl start ledtable-update)',
        );
      const { describeStatus, readStatus } = await import('./update/update-status.ts');
      const file = join(dataDirectory(options, io.env), 'update.json');
      io.stdout.write(`${describeStatus(readStatus(file), Date.now())}\n`);
      return 0;
    }
    case 'play':
    case '': {
      if (verb === 'play' && options.headless) {
        const table = await prepareTable(options, gameParams, quiet);
        let recorder: ReplayRecorder | undefined;
        const record = options.record
          ? { onStart: (table: Table) => (recorder = new ReplayRecorder(table, options.layout)) }
          : {};
        const capture = options.out && !isWavOut(options.out) ? await captureFromOptions(options) : undefined;
        const audio = createAudio(options, table.gamesDir, io.env, (line) => quiet.warn(line), true);
        const { runHeadless, dumpFrame } = await import('./headless.ts');
        const run = await runHeadless(table, rest[0], gameParams, quiet, {
          ...record,
          ...(audio ? { audio } : {}),
          ...(capture ? { onFrame: capture.onFrame } : {}),
        });
        if (capture) io.stderr.write(`ledtable: ${await capture.finish()}\n`);
        if (audio) io.stderr.write(`ledtable: ${describeAudio(audio)}\n`);
        if (recorder) saveReplay(options.record, recorder.finish());
        if (options.seed === undefined)
          io.stderr.write(`ledtable: seed ${run.seed} (pass --seed ${run.seed} to repeat this run)\n`);
        if (options.dump) dumpFrame(io, run.engine.frame);
        reportProblems(io, quiet, options.debug);
        return quiet.lines.some((line) => line.startsWith('error:')) ? 1 : 0;
      }
      const log = new FileLogger(
        logFilePath(options, io.env),
        (line) => {
          if (!io.stdout.isTTY) io.stderr.write(`${line}\n`);
        },
        options.debug,
      );
      const table = await prepareTable(options, gameParams, log);
      const code = await runInteractive(table, verb === '' ? undefined : rest[0], gameParams, io, log);
      if (io.stdout.isTTY && log.problems.length > 0) {
        io.stderr.write(`ledtable: ${log.problems.length} problem(s) this run (full log: ${log.path}):\n`);
        for (const problem of log.problems) io.stderr.write(`  ${problem}\n`);
      }
      return code;
    }
    default:
      throw new UsageError(
        `unknown command "${verb}"; commands: play, replay, list, new, bench, doctor, gamepad, update, help (see ledtable --help)`,
      );
  }
}

/** The menu (no game id) or one game, in real time on the configured outputs. */
async function runInteractive(
  table: TableSetup,
  gameId: string | undefined,
  gameParams: GameParams,
  io: CliIo,
  log: FileLogger,
): Promise<number> {
  const { options } = table;
  const extras = await developerExtras(table, log);
  if (gameId === undefined) {
    if (options.record) throw new UsageError('--record needs a game: ledtable play <id> --record FILE');
    return (await import('./run-table.ts')).runTable(table, extras, io, log);
  }
  const game = findGame(table.catalog, gameId);
  const { settings, params } = choicesFor(game, gameParams);
  const launch = {
    settings,
    params,
    ...playersFor(game, options.players),
    // A recording needs a known seed.
    ...(options.seed === undefined
      ? options.record
        ? { seed: Random.freshSeed() }
        : {}
      : { seed: options.seed }),
  };
  // Nothing chosen on the command line: let the player choose on the table, as from the menu.
  const choose =
    !options.players && !options.record && Object.keys(settings).length + Object.keys(params).length === 0;
  return (await import('./run-table.ts')).runTable(table, { game, launch, choose, ...extras }, io, log);
}

/** Attract mode, hot reload (--watch) and --record for a real-time run. */
async function developerExtras(table: TableSetup, log: Logger): Promise<RunRequest> {
  const { options } = table;
  const hotReload = options.watch ? await import('./hot-reload.ts') : undefined;
  const demos =
    options.demoSeconds > 0
      ? loadDemos(
          BUILT_IN_REPLAYS,
          table.catalog,
          { width: options.width, height: options.height, rate: options.fps },
          (m) => log.warn(m),
        )
      : [];
  const show = new IdleShow(
    options.idleShow,
    (options.playlist.length > 0 ? options.playlist : DEFAULT_PLAYLIST).map((entry) =>
      parsePlaylistItem(entry, options.demoSeconds),
    ),
    {
      catalog: table.catalog,
      demos,
      wallClock: () => Date.now(),
      ...optionalAudio(audioInputFactory(options.audioIn, true)),
      warn: (message) => log.warn(message),
    },
  );
  let running: Table | undefined;
  const updates = runsAsService(options, process.env)
    ? { dataDir: dataDirectory(options, process.env) }
    : undefined;
  // between SHOW and NIGHT
  const update = updates ? [{ order: 80, line: updateLine(() => running, updates) }] : [];
  return {
    screensaver: show.screensaver,
    settingHooks: { idleShow: (name) => show.choose(name) },
    controlLines: update,
    attach: (live) => {
      running = live;
      if (updates) resumeUpdate(live, updates);
      const hot = hotReload
        ? hotReload.watchGames({ table: running, gamesDir: table.gamesDir, log })
        : undefined;
      const recorder =
        options.record && running.lastLaunch ? new ReplayRecorder(running, options.layout) : undefined;
      return () => {
        hot?.close();
        if (recorder) {
          saveReplay(options.record, recorder.finish());
          log.info(`recorded the run to ${options.record}`);
        }
      };
    },
  };
}

/** --out FILE.png|FILE.gif for a headless run. */
async function captureFromOptions(options: Options) {
  const { startCapture } = await import('../capture/run-capture.ts');
  try {
    return startCapture(
      options.out,
      { width: options.width, height: options.height, rate: options.fps },
      { scale: options.captureScale, ledDots: options.ledDots },
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function usage(io: CliIo, problems: readonly string[], hint = HELP_HINT): number {
  for (const problem of problems) io.stderr.write(`ledtable: ${problem}\n`);
  if (hint) io.stderr.write(`${hint}\n`);
  return 2;
}

/** Warnings and errors a quiet run collected (broken game folders, crashes) go to stderr; with --debug, all. */
function reportProblems(io: CliIo, log: MemoryLogger, debug = false): void {
  for (const line of log.lines)
    if (debug || !line.startsWith('info:')) io.stderr.write(`ledtable: ${line}\n`);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function optionalAudio(factory: AudioInputFactory | undefined): { audioIn?: AudioInputFactory } {
  return factory ? { audioIn: factory } : {};
}
