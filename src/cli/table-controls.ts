import { join } from 'node:path';
import type { MixerLevels } from '../audio/mixer.ts';
import { JsonFile } from '../config/json-store.ts';
import { colorOptions } from '../output/color-options.ts';
import type { ControlLine, SoundControls } from '../table/controls.ts';
import type { TableControls } from '../table/settings-screen.ts';
import { tableOptions } from '../table/table-options.ts';
import { type Options, savedSettingsProblem } from './options.ts';

/** The parts of the colour pipeline the settings use (setBrightness live, the limiter's estimate). */
export interface BrightnessTarget {
  setBrightness(percent: number): void;
  readonly lastMilliamps?: number | undefined;
}

export interface TableControlsOptions {
  readonly options: Pick<Options, 'brightness' | 'idle' | 'defaultPlayers' | 'service'>;
  /** The mixer's live levels, when the table has sound (saved as volume, music, effects). */
  readonly sound?: MixerLevels;
  readonly pipeline: BrightnessTarget;
  /** settings.json goes here (main.ts reads it back as saved settings under the flags). */
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly report: (message: string) => void;
  /** Lines other modules add to the settings screen, each saved under its key in settings.json. */
  readonly extras?: readonly SavedControlLine[];
  /** Runs a system command (default: spawn, detached); tests record the calls. */
  readonly run?: (command: string, args: readonly string[]) => void;
}

/** A settings-screen line from another module; with a key its value is saved as that config key (idleShow). */
export interface SavedControlLine {
  readonly key?: string;
  readonly line: ControlLine;
  saved?(): unknown;
}

/** True when running as the systemd service (--service, or INVOCATION_ID that systemd sets). */
export function runsAsService(options: Pick<Options, 'service'>, env: NodeJS.ProcessEnv): boolean {
  return options.service || (env.INVOCATION_ID ?? '') !== '';
}

/**
 * The live settings behind the SETTINGS menu entry. Changes apply at once; `save` merges them into
 * <dataDir>/settings.json (other keys there are kept). Shut down and reboot exist only as the
 * service, and ask systemd (`systemctl poweroff` / `reboot`): the service stops cleanly first.
 */
export function createTableControls(config: TableControlsOptions): TableControls {
  const { options, pipeline, report } = config;
  const file = new JsonFile<Record<string, unknown>>(
    join(config.dataDir, 'settings.json'),
    () => ({}),
    report,
    savedSettingsProblem,
  );
  const values = {
    brightness: options.brightness,
    idle: options.idle,
    defaultPlayers: options.defaultPlayers,
  };
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
  const levels = config.sound;
  // saved under the option names, so settings.json feeds them back at the next start
  const sound: SoundControls | undefined = levels && {
    volume: () => levels.volume,
    setVolume(percent) {
      levels.volume = Math.min(100, Math.max(0, Math.round(percent)));
    },
    music: () => levels.music,
    setMusic(on) {
      levels.music = on;
    },
    effects: () => levels.effects,
    setEffects(on) {
      levels.effects = on;
    },
  };
  const controls: TableControls = {
    ...(sound ? { sound } : {}),
    brightness: () => values.brightness,
    setBrightness(percent) {
      values.brightness = within(colorOptions.options.brightness, percent);
      pipeline.setBrightness(values.brightness);
    },
    idleSeconds: () => values.idle,
    setIdleSeconds(seconds) {
      values.idle = within(tableOptions.options.idle, seconds);
    },
    defaultPlayers: () => values.defaultPlayers,
    setDefaultPlayers(players) {
      values.defaultPlayers = within(tableOptions.options.defaultPlayers, players);
    },
    save() {
      const soundValues = levels
        ? { volume: levels.volume, music: levels.music, effects: levels.effects }
        : {};
      const extras = Object.fromEntries(
        (config.extras ?? []).flatMap((extra) =>
          extra.key && extra.saved ? [[extra.key, extra.saved()]] : [],
        ),
      );
      file.write({ ...file.read(), ...values, ...soundValues, ...extras });
    },
  };
  if (config.extras?.length) {
    const lines = config.extras.map((extra) => extra.line);
    controls.extraLines = () => lines;
  }
  if ('lastMilliamps' in pipeline) controls.milliamps = () => pipeline.lastMilliamps ?? 0;
  if (runsAsService(options, config.env)) {
    controls.shutdown = () => run('systemctl', ['poweroff']);
    controls.reboot = () => run('systemctl', ['reboot']);
  }
  return controls;
}

/** A value rounded into the range its option declares (what saved settings must pass on reading). */
function within(range: { readonly min: number; readonly max: number }, value: number): number {
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}
