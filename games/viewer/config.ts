import { delimiter } from 'node:path';
import type { ParamDecls } from '../../src/index.ts';
import { FIT_MODES, type FitMode, isFitMode } from './fit.ts';

/** What the viewer reads from ctx.params (config file "games.viewer", --set, --path, --interval…). */
export interface ViewerConfig {
  /** Files and folders to show; empty = the sample pictures in assets/images. */
  readonly paths: readonly string[];
  /** Seconds each picture stays before the next (slideshow). */
  readonly interval: number;
  /** Seconds of crossfade between pictures; 0 = cut. */
  readonly crossfade: number;
  readonly fit: FitMode;
  readonly shuffle: boolean;
  /** Cache size in MB of decoded working pictures. */
  readonly cacheMb: number;
}

export const VIEWER_DEFAULTS: ViewerConfig = {
  paths: [],
  interval: 8,
  crossfade: 1,
  fit: 'cover',
  shuffle: false,
  cacheMb: 16,
};

/**
 * The viewer's params, checked by the CLI before it starts. The flagged ones are also top-level
 * flags and config keys (`--path`, `"interval": 5`); `games.viewer` and `--set viewer.key=` win.
 */
export const VIEWER_PARAMS = {
  path: {
    flag: '--path',
    type: 'list',
    default: [],
    arg: 'DIR|FILE',
    split: false,
    help: 'Picture viewer: a folder or picture to show, repeatable. None = the sample pictures in assets/images.',
  },
  interval: {
    flag: '--interval',
    type: 'number',
    default: VIEWER_DEFAULTS.interval,
    min: 0.5,
    max: 86400,
    arg: 'SECONDS',
    help: 'Picture viewer: seconds each picture stays before the next one.',
  },
  crossfade: {
    flag: '--crossfade',
    type: 'number',
    default: VIEWER_DEFAULTS.crossfade,
    min: 0,
    max: 10,
    arg: 'SECONDS',
    help: 'Picture viewer: seconds of crossfade between pictures; 0 = cut.',
  },
  fit: {
    flag: '--fit',
    type: 'enum',
    default: VIEWER_DEFAULTS.fit,
    values: FIT_MODES,
    help:
      'Picture viewer: contain = the whole picture with black bars, cover = fill the table and crop the ' +
      'middle, attention = crop the most interesting part, fill = stretch. A cycles it.',
  },
  shuffle: {
    flag: '--shuffle',
    type: 'bool',
    default: VIEWER_DEFAULTS.shuffle,
    help: 'Picture viewer: show the pictures in random order (repeatable with --seed).',
  },
  cacheMb: {
    type: 'int',
    default: VIEWER_DEFAULTS.cacheMb,
    min: 1,
    max: 4096,
    help: 'Picture viewer: megabytes of decoded pictures kept in memory.',
  },
} as const satisfies ParamDecls;

/**
 * Reads the params; `path` holds one path or several joined with the platform's path
 * delimiter (':' on Linux, like $PATH). Bad values fall back to the default and are reported
 * through `warn` with what would be accepted.
 */
export function readConfig(
  params: Readonly<Record<string, string | number | boolean>>,
  warn: (message: string) => void,
): ViewerConfig {
  const number = (key: string, fallback: number, min: number, max: number): number => {
    const value = params[key];
    if (value === undefined) return fallback;
    const n = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(n) && n >= min && n <= max) return n;
    warn(`${key}=${String(value)} is not a number from ${min} to ${max}; using ${fallback}`);
    return fallback;
  };
  const fitValue = params.fit ?? VIEWER_DEFAULTS.fit;
  let fit = VIEWER_DEFAULTS.fit;
  if (isFitMode(fitValue)) fit = fitValue;
  else warn(`fit=${String(fitValue)} is not one of contain, cover, attention, fill; using ${fit}`);
  const rawPath = params.path;
  const paths =
    rawPath === undefined || rawPath === ''
      ? []
      : String(rawPath)
          .split(delimiter)
          .filter((p) => p !== '');
  return {
    paths,
    interval: number('interval', VIEWER_DEFAULTS.interval, 0.5, 86400),
    crossfade: number('crossfade', VIEWER_DEFAULTS.crossfade, 0, 10),
    fit,
    shuffle: params.shuffle === true || params.shuffle === 'true',
    cacheMb: number('cacheMb', VIEWER_DEFAULTS.cacheMb, 1, 4096),
  };
}
