import { saveScreenshot } from '../capture/screenshot.ts';
import { type Clock, RealClock } from '../engine/clock.ts';
import type { AnyGame } from '../engine/game.ts';
import { describeError, type Logger } from '../engine/log.ts';
import { Random } from '../engine/random.ts';
import { DEFAULT_KEYMAP } from '../input/keymap.ts';
import { TerminalKeys } from '../input/terminal-keys.ts';
import { defaultLimits, guardGame } from '../isolation/game-guard.ts';
import { guardedTicks } from '../isolation/guarded-ticks.ts';
import { beatingClock, crashRunningGame, StrayErrors } from '../isolation/stray-errors.ts';
import { startWatchdog } from '../isolation/watchdog.ts';
import { BrightnessFader } from '../output/brightness-fader.ts';
import { ColorPipeline } from '../output/color-pipeline.ts';
import type { LedDriver } from '../output/driver.ts';
import { logDriverFailure, OutputStage } from '../output/output-stage.ts';
import { restoreTerminalSequence } from '../output/terminal-driver.ts';
import { WhiteExtractor } from '../output/white.ts';
import { NightSchedule, nightHooks, parseNightWindow } from '../table/night.ts';
import { type LaunchOptions, Table, type TableOptions } from '../table/table.ts';
import { audioInputFactory } from './audio-input.ts';
import { createAudio, logSoundStats } from './audio-setup.ts';
import { BUILT_IN_GAMES } from './discover.ts';
import { routeExitPaths } from './exit-paths.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import { startLiveInput } from './live-input.ts';
import { createDrivers, usesTerminal } from './outputs.ts';
import { startPhysicalInput } from './physical-input.ts';
import { savedMessageFile, withSavedMessage } from './saved-message.ts';
import { statusLine } from './status-line.ts';
import { createTableControls, type OptionHooks, type PlacedLine } from './table-controls.ts';
import { persistentStores, type TableSetup } from './table-setup.ts';
import { tierUpEarly } from './tier-up.ts';
import { picturesDir, withUploadedPictures } from './uploaded-pictures.ts';
import type { startWeb } from './web.ts';

/** How long shutdown may take before the process exits anyway (ms). */
const SHUTDOWN_LIMIT_MS = 1500;
/** The watchdog kills a process whose loop has not ticked for this long (ms). */
const STUCK_MS = 4000;

export interface RunRequest {
  /** Start this game instead of the menu. */
  readonly game?: AnyGame;
  readonly launch?: LaunchOptions;
  /** Open the game's setup screen (players, settings) instead of starting it with `launch`. */
  readonly choose?: boolean;
  /** The idle scene (the idle playlist); default: the engine's colour screensaver. */
  readonly screensaver?: TableOptions['screensaver'];
  /** Live hooks of settings lines whose owner exists only in this run (the idle show). */
  readonly settingHooks?: OptionHooks;
  /** Other modules' settings-screen lines (UPDATE). */
  readonly controlLines?: readonly PlacedLine[];
  /** Wraps the real clock (a replay feeds its events just before each tick). */
  readonly clock?: (real: Clock) => Clock;
  /** Best scores and game stores instead of the data directory's (a replay's, kept in memory). */
  readonly tables?: Pick<TableOptions, 'scores' | 'stores'>;
  /** false: keys are not played, only Ctrl-C stops the run (replays). Default true. */
  readonly keys?: boolean;
  /**
   * Extensions (hot reload, --record, replays): called once the engine runs and the game, if
   * any, has started; `stop` ends the run; `drivers` are the open outputs. The returned function
   * runs first at shutdown.
   */
  readonly attach?: (
    table: Table,
    stop: () => void,
    drivers: readonly LedDriver[],
  ) => (() => void) | undefined;
}

/**
 * Runs the table in real time until Ctrl-C, SIGINT or SIGTERM, or a fatal error. Every exit
 * path stops the loop, blanks every output, restores the terminal and resolves with the exit
 * code (0 for a requested stop, 1 for a crash). Start-up problems (a missing device, no
 * terminal) are UsageErrors: one line, exit code 2.
 */
export async function runTable(
  setup: TableSetup,
  request: RunRequest,
  io: CliIo,
  log: Logger,
): Promise<number> {
  const { options, layout } = setup;
  tierUpEarly(); // a real-time loop at rest runs optimised code within seconds (src/cli/tier-up.ts)
  const pipeline = new ColorPipeline({
    brightness: options.brightness,
    gamma: options.gamma,
    budgetMilliamps: options.powerBudget,
    channelMilliamps: options.channelMilliamps,
    idleMilliamps: options.idleMilliamps,
    white: {
      extractor: new WhiteExtractor(options.white, Number.parseInt(options.whitePoint, 16)),
      whiteMilliamps: options.whiteMilliamps,
    },
  });
  try {
    pipeline.checkBudget(layout.ledCount);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The exit paths exist before any driver opens: a signal in the first moments (the terminal
  // simulator has just entered the alternate screen) still closes every driver and exits 0.
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => {
    finish = resolve;
  });
  let stopping = false;
  let onTerminal = false;
  let stage: OutputStage | undefined;
  let table: Table | undefined;
  let keys: TerminalKeys | undefined;
  let detach: (() => void) | undefined;
  let stopInput: (() => Promise<void>) | undefined;
  let audio: ReturnType<typeof createAudio>;
  let live: Awaited<ReturnType<typeof startLiveInput>>;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let watchdog: ReturnType<typeof startWatchdog> | undefined;
  let stray: StrayErrors | undefined;

  const stop = async (code: number, reason: string, error?: unknown) => {
    if (stopping) return;
    stopping = true;
    if (error === undefined) log.info(`stopping: ${reason}`);
    else log.error(`stopping after ${reason}`, error);
    const limit = setTimeout(() => finish(code), SHUTDOWN_LIMIT_MS);
    try {
      try {
        detach?.();
      } catch (detachError) {
        log.error('shutdown of an extension failed', detachError);
      }
      table?.engine.stop();
      await watchdog?.stop();
      await web?.stop();
      await keys?.stop();
      await stopInput?.();
      await live?.close();
      await stage?.close();
      await audio?.close();
      if (audio) logSoundStats(log, audio);
    } finally {
      clearTimeout(limit);
      removeHandlers();
      if (error !== undefined && onTerminal)
        io.stderr.write(`ledtable: ${reason}: ${describeError(error).message}\n`);
      finish(code);
    }
  };

  const removeHandlers = routeExitPaths(
    (code, reason, error) => void stop(code, reason, error),
    () => {
      // The process is exiting without stop() having finished: give the terminal back.
      if (onTerminal && !stopping) io.stdout.write(restoreTerminalSequence());
      if (io.stdin.isTTY) io.stdin.setRawMode?.(false);
    },
    (error) => {
      // Until the table runs, a stray error is fatal; then it ends the running game, not the table.
      if (stopping || !stray) return false;
      const inGame = table?.engine.game !== undefined;
      const survived = stray.handle(error);
      if (survived && !inGame) log.error('an error outside any game (the table goes on)', error);
      return survived;
    },
  );

  let drivers: LedDriver[];
  try {
    drivers = await createDrivers({
      layout,
      options,
      stdout: io.stdout,
      env: io.env,
      log: (message) => log.warn(message),
      info: (message) => log.info(message),
    });
  } catch (error) {
    removeHandlers();
    throw error;
  }
  if (stopping) return finished;
  stage = new OutputStage(layout, drivers, pipeline, logDriverFailure(log), options.fps);
  onTerminal = usesTerminal(drivers);
  if (options.output.includes('auto') && !io.stdout.isTTY) {
    log.warn(
      'stdout is not a terminal (a pipe or a file) and no --output was given: the table runs with no ' +
        'output until Ctrl-C or SIGTERM. Run it in a terminal, give --output ws281x, ddp:HOST, … , ' +
        'or use `ledtable play ID --headless --ticks N` in scripts',
    );
  }
  try {
    await stage.open();
  } catch (error) {
    await stage.close();
    removeHandlers();
    if (stopping) return finished;
    throw new UsageError(describeError(error).message);
  }
  if (stopping) return finished; // a signal arrived while the drivers opened; stop() closed them

  try {
    live = await startLiveInput(options, layout, setup.tableBase.catalog, log);
  } catch (error) {
    await stage.close();
    removeHandlers();
    throw error;
  }
  if (stopping) {
    await live?.close();
    return finished;
  }

  // Every game's code runs guarded (heap limit, no process.exit, its timers owned), and with a
  // time limit per tick unless it is built in and not being written (--guard, --watch); the
  // watchdog covers what a guard cannot reach (src/isolation/, README "Reliability").
  const timed = options.guard === 'all' || options.watch || setup.gamesDir !== BUILT_IN_GAMES;
  const guarded = new Map(
    setup.tableBase.catalog.map((game) => [game.id, guardGame(game, defaultLimits(timed))]),
  );
  watchdog = startWatchdog({
    stuckMs: STUCK_MS,
    env: io.env,
    warn: (message) => log.warn(message),
    ...(onTerminal ? { terminalReset: restoreTerminalSequence() } : {}),
  });
  audio = createAudio(options, setup.gamesDir, io.env, (line) => log.warn(line), false);
  if (audio)
    log.info(`sound: ${audio.sink.description}, ${audio.mixer.rate} Hz, buffer ${options.audioBuffer} ms`);
  const fader = new BrightnessFader(pipeline, options.brightness);
  const night = new NightSchedule(parseNightWindow(options.night), options.nightLight);
  const controls = createTableControls({
    options,
    pipeline: fader,
    dataDir: setup.dataDir,
    env: io.env,
    report: (message) => log.warn(message),
    ...(audio ? { sound: audio.mixer.levels } : {}),
    hooks: { ...request.settingHooks, ...nightHooks(night) },
    extras: request.controlLines ?? [],
  });
  const clock = new RealClock({ lead: 1 }); // ticks centred on their deadlines (see RealClockOptions.lead)
  // each tick of a guarded game runs under one time limit (src/isolation/guarded-ticks.ts)
  const beating = guardedTicks(beatingClock(clock, watchdog.beat), () => table?.engine);
  const liveAudio = audioInputFactory(options.audioIn, true);
  table = new Table({
    ...setup.tableBase,
    params: withSavedMessage(
      withUploadedPictures(setup.tableBase.params, picturesDir(setup.dataDir)),
      savedMessageFile(setup.dataDir, (message) => log.warn(message)),
    ),
    catalog: [...guarded.values()],
    ...(request.tables ?? persistentStores(setup.dataDir, log)),
    clock: request.clock ? request.clock(beating) : beating,
    log,
    sink: {
      // brightness fades towards its target, dimmed by the night schedule, once per frame
      show(frame) {
        const now = Date.now();
        fader.setFactor(night.factor(now, table?.input.activity ?? false, controls.idleSeconds()));
        fader.frame(now);
        stage.show(frame);
      },
    },
    ...(request.screensaver ? { screensaver: request.screensaver } : {}),
    seed: options.seed ?? Random.freshSeed(),
    wallClock: () => Date.now(),
    ...(liveAudio ? { audioIn: liveAudio } : {}),
    // First-time hints hold a game before its first tick: not while recording or replaying.
    hints: request.keys !== false && !options.record,
    ...(live ? { live: live.table } : {}),
    ...(audio ? { audio } : {}),
    controls,
  });
  const { engine } = table;

  keys = io.stdin.isTTY
    ? new TerminalKeys({
        stdin: io.stdin,
        stdout: io.stdout,
        onInterrupt: () => void stop(0, 'Ctrl-C'),
        onKey: (name) => {
          if (name === 'p') screenshot();
        },
      })
    : undefined;
  // P saves the frame on show as a PNG in the data directory; the status line shows where.
  let notice = { text: '', until: 0 };
  const screenshot = () => {
    const look = { scale: options.captureScale, ledDots: options.ledDots };
    saveScreenshot(engine.frame, setup.dataDir, look).then(
      (file) => {
        log.info(`screenshot saved: ${file}`);
        notice = { text: `saved ${file}`, until: performance.now() + 4000 };
      },
      (error: unknown) => log.warn(`screenshot failed: ${describeError(error).message}`),
    );
  };

  // A game's timer that throws, or its stray rejected promise, ends that game, not the table.
  stray = new StrayErrors(crashRunningGame(engine, log));

  try {
    await keys?.start((event) => {
      if (request.keys !== false) engine.input.push(event);
    });
  } catch (error) {
    await stop(2, 'keyboard', error);
    return finished;
  }
  // The web page (--web): never fatal, a port in use is logged.
  // Loaded only when asked for: the server pulls in ws, sharp and esbuild.
  web = options.web
    ? await (await import('./web.ts')).startWeb({
        options,
        table,
        pipeline,
        controls: table.controls,
        dataDir: setup.dataDir,
        ledCount: layout.ledCount,
        log,
      })
    : undefined;
  // The live view sees each frame as people see it (after the colour pipeline).
  if (web) {
    const view = web.server.view;
    stage.tap((seen) => view.frame(seen, layout.width, layout.height));
  }

  // Gamepads, USB keyboards and GPIO buttons: never fatal, problems are logged.
  if (request.keys !== false)
    stopInput = await startPhysicalInput({
      options,
      table,
      log,
      dataDir: setup.dataDir,
      also: web ? [web.pads] : [],
      keyboardPlayers: keys ? [...new Set(Object.values(DEFAULT_KEYMAP).map((key) => key.player))] : [],
    });
  if (stopping) {
    await stopInput?.(); // stop() ran while the pads were being opened
    return finished;
  }

  let counted = { ticks: 0, at: performance.now() };
  const status = setInterval(() => {
    const now = { ticks: clock.ticks, at: performance.now() };
    const fps = Math.round(((now.ticks - counted.ticks) * 1000) / Math.max(1, now.at - counted.at));
    counted = now;
    const text = now.at < notice.until ? notice.text : statusLine(engine, fps);
    for (const driver of drivers) driver.setStatus?.(text);
  }, 1000);
  status.unref();

  engine.start();
  if (request.game) {
    const game = guarded.get(request.game.id) ?? guardGame(request.game);
    try {
      if (request.choose) table.choose(game);
      else table.play(game, request.launch);
    } catch (error) {
      await stop(2, 'start', error);
    }
  }
  if (!stopping) detach = request.attach?.(table, () => void stop(0, 'done'), drivers) ?? undefined;
  const code = await finished;
  clearInterval(status);
  return code;
}
