import { readFileSync } from 'node:fs';
import type { AnyGame, SettingSpecs } from '../engine/game.ts';
import type { TableControls } from '../table/controls.ts';
import { PauseScreen } from '../table/pause-screen.ts';
import type { Table } from '../table/table.ts';
import { CodeScreen } from './code-screen.ts';
import type { GameInfo, MessageState, SettingInfo, TableStatus } from './protocol.ts';
import { checkSettingChanges, describeSettings } from './table-settings.ts';

/** What the web page may do to the table; the server knows the table only through this. */
export interface TableLink {
  games(): GameInfo[];
  /** Starts a game; throws an Error whose message the page shows (unknown id, bad setting). */
  play(id: string, players: number | undefined, settings: Readonly<Record<string, string | number>>): void;
  /** Pauses the running game (as the back button does); false when no game runs. */
  pause(): boolean;
  /** Resumes a game paused by hand; false when nothing can resume. */
  resume(): boolean;
  /** Ends whatever runs and shows the menu. */
  menu(): void;
  /** The table's settings (the lines of its settings screen, from their declarations). */
  settings(): SettingInfo[];
  /**
   * Applies `wanted` (option key → value) through the table's live settings, saves them in
   * settings.json and returns all settings. Checks every entry first (checkSettingChanges):
   * throws a SettingRefused for an unknown key or a value the option lacks, and then nothing
   * changes or is written; numbers are clamped to their option's range.
   */
  change(wanted: unknown): SettingInfo[];
  /** The current limiter's budget in mA (0 = no limit); null when the table has none. */
  powerBudget(): number | null;
  /** Sets the budget (the knob may raise a too-low one), saves it and returns it; null when none. */
  setPowerBudget(milliamps: number): number | null;
  status(): Omit<TableStatus, 'pads' | 'viewers'>;
  /** False while player `player`'s pad is unplugged (or its phone left). */
  connected(player: number): boolean;
  /** Shows the pairing code on the table, over whatever runs. */
  showCode(code: string): void;
  /** The code was used (or retired): the table stops showing it. */
  hideCode(): void;
  /** Pictures were added or deleted: a running viewer starts over with them. */
  picturesChanged(): void;
  /** Shows one picture file on the table now (the picture viewer); throws when there is none. */
  showPicture(path: string): void;
  /** The message box's state; null when the table has no message app. */
  message(): MessageState | null;
  /**
   * Shows a (cleaned) message now, with `settings` of the message app; with `save` it also
   * becomes the saved message. Throws an Error whose message the page shows; then nothing is
   * shown or written.
   */
  showMessage(text: string, settings: Readonly<Record<string, string | number>>, save: boolean): void;
  /** Forgets the saved message; throws when it could not. */
  forgetMessage(): void;
}

/** The message app as the CLI wires it (src/cli/saved-message.ts). */
export interface MessageLink {
  readonly app: string;
  saved(): string | null;
  show(text: string, settings: Readonly<Record<string, string | number>>, save: boolean): void;
  forget(): boolean;
}

/** The current limiter's live knobs (the colour pipeline). */
export interface PowerKnob {
  readonly budgetMilliamps: number;
  setBudget(milliamps: number): void;
  readonly lastMilliamps: number;
}

export interface TableLinkOptions {
  readonly table: Table;
  readonly controls?: TableControls | undefined;
  readonly power?: PowerKnob | undefined;
  /** The outputs in use, as named on the command line. */
  readonly outputs: readonly string[];
  /** URL of a game's picture, or null (the gallery GIFs). */
  readonly picture: (id: string) => string | null;
  /** The SoC temperature file (millidegrees), default the Pi's first thermal zone. */
  readonly thermalFile?: string;
  /** Called after an upload or a delete (the CLI restarts a running picture viewer). */
  readonly picturesChanged?: () => void;
  /** Shows one picture now (the CLI starts the picture viewer with it). */
  readonly showPicture?: (path: string) => void;
  /** Messages shown and saved from the page; absent = no message box. */
  readonly messages?: MessageLink | undefined;
  /** Saves a changed power budget (settings.json); default: not saved. */
  readonly savePowerBudget?: (milliamps: number) => void;
}

/**
 * The TableLink of a real table: the launcher's game list from its catalog and score book,
 * play/pause/menu through its scene stack, settings through the table controls and the colour
 * pipeline, and a status sampled from the engine's tick counter and the process's CPU time.
 */
export function tableLink(options: TableLinkOptions): TableLink & { dispose(): void } {
  const { table, controls, power } = options;
  const { engine } = table;
  const thermalFile = options.thermalFile ?? '/sys/class/thermal/thermal_zone0/temp';
  let sample = { tick: engine.tick, at: performance.now(), cpu: process.cpuUsage() };
  let figures = { fps: 0, cpu: 0 };
  const timer = setInterval(() => {
    const now = { tick: engine.tick, at: performance.now(), cpu: process.cpuUsage() };
    const ms = Math.max(1, now.at - sample.at);
    const cpuMicros = now.cpu.user + now.cpu.system - sample.cpu.user - sample.cpu.system;
    figures = {
      fps: Math.round(((now.tick - sample.tick) * 1000) / ms),
      cpu: Math.round(cpuMicros / ms / 10),
    };
    sample = now;
  }, 1000);
  timer.unref();

  const find = (id: string): AnyGame => {
    const game = table.catalog.find((g) => g.id === id);
    if (!game)
      throw new Error(`no game "${id}"; the table has: ${table.catalog.map((g) => g.id).join(', ')}`);
    return game;
  };

  return {
    games: () =>
      table.catalog.map((game) => ({
        id: game.id,
        title: game.title,
        description: game.description ?? '',
        kind: game.kind ?? 'game',
        players: game.players ?? { min: 1, max: 1 },
        settings: Object.fromEntries(
          Object.entries((game.settings ?? {}) as SettingSpecs).map(([key, spec]) => [
            key,
            { values: spec.values, default: spec.default ?? spec.values[0]! },
          ]),
        ),
        best: Object.entries(table.scores.all(game.id)).map(([key, value]) =>
          key === 'default' ? String(value) : `${key} ${value}`,
        ),
        picture: options.picture(game.id),
      })),
    play(id, players, chosen) {
      const game = find(id);
      table.play(game, { ...(players === undefined ? {} : { players }), settings: chosen });
    },
    pause() {
      const game = engine.game;
      if (!game) return false;
      table.push(new PauseScreen(table, game, 'PAUSE'));
      return true;
    },
    resume() {
      const top = engine.top;
      if (!(top instanceof PauseScreen) || !top.resumable) return false;
      table.pop();
      return true;
    },
    menu: () => table.menu(),
    settings: () => describeSettings(controls?.settings),
    change(wanted) {
      const live = controls?.settings;
      const changes = checkSettingChanges(live, wanted);
      for (const [key, value] of changes) live?.set(key, value);
      if (changes.size > 0) controls?.save?.();
      return describeSettings(live);
    },
    powerBudget: () => power?.budgetMilliamps ?? null,
    setPowerBudget(milliamps) {
      if (!power) return null;
      power.setBudget(milliamps);
      options.savePowerBudget?.(power.budgetMilliamps);
      return power.budgetMilliamps;
    },
    status: () => {
      const game = engine.game ?? (engine.top instanceof PauseScreen ? engine.top.game : undefined);
      return {
        scene: engine.top.title,
        playing: game?.definition.id ?? null,
        paused: engine.top instanceof PauseScreen,
        fps: figures.fps,
        cpu: figures.cpu,
        temperature: readTemperature(thermalFile),
        milliamps: Math.round(power?.lastMilliamps ?? controls?.milliamps?.() ?? 0),
        outputs: options.outputs,
      };
    },
    connected: (player) => table.input.isConnected(player),
    showCode(code) {
      const top = engine.top;
      if (top instanceof CodeScreen) top.code = code;
      else table.push(new CodeScreen(table, code));
    },
    hideCode() {
      if (engine.top instanceof CodeScreen) table.pop();
    },
    picturesChanged: () => options.picturesChanged?.(),
    showPicture(path) {
      if (!options.showPicture) throw new Error('this table has no picture viewer');
      options.showPicture(path);
    },
    message() {
      const messages = options.messages;
      if (!messages || !table.catalog.some((game) => game.id === messages.app)) return null;
      return { app: messages.app, saved: messages.saved() };
    },
    showMessage(text, chosen, save) {
      if (!options.messages) throw new Error('this table has no message app');
      options.messages.show(text, chosen, save);
    },
    forgetMessage() {
      if (options.messages && !options.messages.forget()) {
        throw new Error("could not forget the saved message (see the table's log)");
      }
    },
    dispose: () => clearInterval(timer),
  };
}

function readTemperature(file: string): number | null {
  try {
    const milli = Number(readFileSync(file, 'utf8').trim());
    return Number.isFinite(milli) ? Math.round(milli / 100) / 10 : null;
  } catch {
    return null;
  }
}
