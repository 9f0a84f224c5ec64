import { readFileSync } from 'node:fs';
import { evdevOptions } from '../../hardware/evdev/evdev-options.ts';
import { hidOptions } from '../../hardware/hid/hid-options.ts';
import { audioOptions } from '../audio/audio-options.ts';
import { captureOptions } from '../capture/capture-options.ts';
import {
  type CommandHelp,
  formatGameParamsMarkdown,
  formatHelp,
  formatOptionsMarkdown,
} from '../config/help.ts';
import {
  collectSpecs,
  defaultsOf,
  type OptionGroup,
  type OptionSpec,
  type OptionsOfGroups,
} from '../config/options.ts';
import type { ParamOwner } from '../config/params.ts';
import {
  type ReadText,
  type ResolvedOptions,
  resolveOptionsWith,
  savedSettingsProblemWith,
} from '../config/parse.ts';
import { isolationOptions } from '../isolation/isolation-options.ts';
import { colorOptions } from '../output/color-options.ts';
import { soundInOptions } from '../sound-in/sound-in-options.ts';
import { idleOptions } from '../table/idle-options.ts';
import { tableOptions } from '../table/table-options.ts';
import { webOptions } from '../web/web-options.ts';
import { commandOptions } from './command-options.ts';
import { doctorOptions } from './doctor.ts';
import { liveOptions } from './live-input.ts';
import { OUTPUTS } from './outputs.ts';

/**
 * Every option group of the program, in the order --help and the README show them. Each group
 * is declared by the module that reads it (`defineOptions` next to its code); a new group is one
 * entry here. Output kinds bring their groups through OUTPUTS; games bring their flagged params
 * at run time (see gameOptionGroups in main.ts).
 */
export const OPTION_GROUPS = [
  tableOptions,
  idleOptions,
  soundInOptions,
  colorOptions,
  ...OUTPUTS.groups,
  evdevOptions,
  hidOptions,
  liveOptions,
  isolationOptions,
  captureOptions,
  doctorOptions,
  audioOptions,
  webOptions,
  commandOptions,
] as const;

/** The resolved options: `options.fps` is a number, `options.output` a string[], enums are unions. */
export type Options = OptionsOfGroups<typeof OPTION_GROUPS>;

/** Every option spec of OPTION_GROUPS (a group shared by several output kinds counts once). */
export const OPTION_SPECS: readonly OptionSpec[] = collectSpecs(OPTION_GROUPS);

/** A fresh Options object holding every default (lists are copied, so callers may mutate them). */
export function defaultOptions(): Options {
  return defaultsOf(OPTION_SPECS) as Options;
}

/**
 * Resolves the program's options (defaults, config file, saved settings, flags); `extra` adds
 * groups known only at run time (games' flagged params); `ignoreUnknown` skips what no group
 * declares (a first pass). See resolveOptionsWith.
 */
export function resolveOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  readFile: ReadText = readFileSync,
  savedSettings?: Readonly<Record<string, unknown>>,
  extra: readonly OptionGroup[] = [],
  ignoreUnknown = false,
): ResolvedOptions<Options> {
  const specs = extra.length === 0 ? OPTION_SPECS : collectSpecs([...OPTION_GROUPS, ...extra]);
  return resolveOptionsWith(
    specs,
    argv,
    env,
    readFile,
    savedSettings,
    ignoreUnknown,
  ) as ResolvedOptions<Options>;
}

/** --help for the program's options, `extra` groups, and the settings and params of `games`. */
export function programHelp(
  commands: readonly CommandHelp[],
  keysText?: string,
  extra: readonly OptionGroup[] = [],
  games: readonly ParamOwner[] = [],
): string {
  return formatHelp([...OPTION_GROUPS, ...extra], commands, keysText, games);
}

/** The README's table of games' settings and params. */
export function gameParamsMarkdown(games: readonly ParamOwner[]): string {
  return formatGameParamsMarkdown(games);
}

/** The README's options table. */
export function optionsMarkdown(extra: readonly OptionGroup[] = []): string {
  return formatOptionsMarkdown([...OPTION_GROUPS, ...extra]);
}

/** Why a saved settings.json is unusable for the program's options (JsonFile's validate), or undefined. */
export function savedSettingsProblem(raw: unknown): string | undefined {
  return savedSettingsProblemWith(OPTION_SPECS, raw);
}
