import { join } from 'node:path';
import type { MixerLevels } from '../audio/mixer.ts';
import { JsonFile } from '../config/json-store.ts';
import { collectSpecs, type OptionGroup } from '../config/options.ts';
import { savedSettingsProblemWith } from '../config/parse.ts';
import { LiveSettings } from '../config/settings-menu.ts';
import type { ControlLine, TableControls } from '../table/controls.ts';
import { OPTION_SPECS, type Options } from './options.ts';

/** The parts of the colour pipeline the settings use (setBrightness live, the limiter's estimate). */
export interface BrightnessTarget {
  setBrightness(percent: number): void;
  readonly lastMilliamps?: number | undefined;
}

/** Live hooks by option key (src/config/settings-menu.ts): what applies a changed setting at once. */
export type OptionHooks = { readonly [K in keyof Options]?: (value: Options[K]) => void };

/** A line another module adds to the settings screen (UPDATE), placed among the settings by `order`. */
export interface PlacedLine {
  /** As SettingDecl.order: UPDATE is 80, between SHOW and NIGHT. */
  readonly order: number;
  readonly line: ControlLine;
}

export interface TableControlsOptions {
  /** The resolved options: the lines start at their values (a missing one at its default). */
  readonly options: Partial<Options> & Pick<Options, 'service'>;
  /** The mixer's live levels, when the table has sound (the VOLUME, MUSIC and EFFECTS lines). */
  readonly sound?: MixerLevels;
  /** The brightness hook (LIGHT) and the POWER line's estimate. */
  readonly pipeline: BrightnessTarget;
  /** More live hooks: the run's idle show (idleShow), night schedule (night, nightLight)… */
  readonly hooks?: OptionHooks;
  /** settings.json goes here (main.ts reads it back as saved settings under the flags). */
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly report: (message: string) => void;
  /** Other modules' lines (UPDATE). */
  readonly extras?: readonly PlacedLine[];
  /** Runs a system command (default: spawn, detached); tests record the calls. */
  readonly run?: (command: string, args: readonly string[]) => void;
  /** The option groups whose settings become lines (default: the program's, OPTION_GROUPS). */
  readonly groups?: readonly OptionGroup[];
}

/** True when running as the systemd service (--service, or INVOCATION_ID that systemd sets). */
export function runsAsService(options: Pick<Options, 'service'>, env: NodeJS.ProcessEnv): boolean {
  return options.service || (env.INVOCATION_ID ?? '') !== '';
}

/**
 * The live settings behind the SETTINGS menu entry: a line for every declared option with a
 * `setting` whose hook exists (LiveSettings), other modules' lines placed among them. Changes
 * apply at once; `save` merges the lines' values into <dataDir>/settings.json (other keys there
 * are kept). Shut down and reboot exist only as the service, and ask systemd (`systemctl
 * poweroff` / `reboot`): the service stops cleanly first.
 */
export function createTableControls(config: TableControlsOptions): TableControls {
  const { options, pipeline, report } = config;
  const specs = config.groups ? collectSpecs(config.groups) : OPTION_SPECS;
  const file = new JsonFile<Record<string, unknown>>(
    join(config.dataDir, 'settings.json'),
    () => ({}),
    report,
    (raw) => savedSettingsProblemWith(specs, raw),
  );
  const levels = config.sound;
  const soundHooks: OptionHooks = levels
    ? {
        volume: (percent) => {
          levels.volume = percent;
        },
        music: (on) => {
          levels.music = on;
        },
        effects: (on) => {
          levels.effects = on;
        },
      }
    : {};
  const settings = new LiveSettings({
    specs,
    // the mixer holds the sound levels the run started with
    values: { ...options, ...(levels ? { ...levels } : {}) },
    hooks: {
      brightness: (percent: number) => pipeline.setBrightness(percent),
      ...soundHooks,
      ...config.hooks,
    },
  });
  const lines = [
    ...settings.lines(),
    ...(config.extras ?? []).map((extra) => ({ ...extra.line, order: extra.order })),
  ].sort((a, b) => a.order - b.order);
  const run =
    config.run ??
    ((command: string, args: readonly string[]) => {
      // node:child_process loads on first use: it is not needed before the first frame.
      void import('node:child_process').then(({ spawn }) => {
        const child = spawn(command, args, { detached: true, stdio: 'ignore' });
        child.on('error', (error) => report(`${command} ${args.join(' ')} failed: ${error.message}`));
        child.unref();
      });
    });
  const value = <K extends keyof Options>(key: K) => settings.get(key) as Options[K];
  const controls: TableControls = {
    idleSeconds: () => value('idle'),
    defaultPlayers: () => value('defaultPlayers'),
    settings,
    lines: () => lines,
    save: () => file.write({ ...file.read(), ...settings.saved() }),
  };
  if ('lastMilliamps' in pipeline) controls.milliamps = () => pipeline.lastMilliamps ?? 0;
  if (runsAsService(options, config.env)) {
    controls.shutdown = () => run('systemctl', ['poweroff']);
    controls.reboot = () => run('systemctl', ['reboot']);
  }
  return controls;
}
