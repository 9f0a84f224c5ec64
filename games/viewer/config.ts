import { delimiter } from 'node:path';
import { type FitMode, isFitMode } from './fit.ts';

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
