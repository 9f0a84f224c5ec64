import { type Color, rgb } from '../../src/index.ts';

/** A palette: colour stops at positions 0..1, blended into a 256-entry lookup table. */
type Stops = readonly (readonly [number, Color])[];

const STOPS: Readonly<Record<string, Stops>> = {
  hue: [
    [0, 0xff0000],
    [1 / 6, 0xffff00],
    [2 / 6, 0x00ff00],
    [3 / 6, 0x00ffff],
    [4 / 6, 0x0000ff],
    [5 / 6, 0xff00ff],
    [1, 0xff0000],
  ],
  fire: [
    [0, 0x000000],
    [0.25, 0x600000],
    [0.5, 0xe02000],
    [0.75, 0xffa000],
    [1, 0xffffa0],
  ],
  sea: [
    [0, 0x000010],
    [0.4, 0x002060],
    [0.7, 0x0080c0],
    [0.9, 0x60e0ff],
    [1, 0xffffff],
  ],
  wood: [
    [0, 0x001000],
    [0.4, 0x105010],
    [0.7, 0x60a020],
    [1, 0xe0ff80],
  ],
  lava: [
    [0, 0x100000],
    [0.3, 0x800000],
    [0.55, 0xff3000],
    [0.75, 0xffc000],
    [0.9, 0x800080],
    [1, 0x100000],
  ],
  polar: [
    [0, 0x000000],
    [0.3, 0x001040],
    [0.55, 0x00a040],
    [0.8, 0x40ffa0],
    [1, 0xd040ff],
  ],
  code: [
    [0, 0x000000],
    [0.5, 0x006010],
    [0.9, 0x20ff40],
    [1, 0xd0ffd0],
  ],
  mono: [
    [0, 0x000000],
    [1, 0xffffff],
  ],
  party: [
    [0, 0xff4080],
    [0.25, 0xffd040],
    [0.5, 0x40ffb0],
    [0.75, 0x6080ff],
    [1, 0xff4080],
  ],
};

/** Palette names for the setting; `auto` = the effect's own. */
export const PALETTES = ['auto', ...Object.keys(STOPS)] as const;

/** 256 colours along the stops, each scaled by `intensity` (0..1). Built on a setting change only. */
export function paletteTable(name: string, intensity: number): Uint32Array {
  const stops = STOPS[name] ?? STOPS.mono!;
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const v = i / 255;
    let k = 1;
    while (k < stops.length - 1 && stops[k]![0] < v) k++;
    const [p0, c0] = stops[k - 1]!;
    const [p1, c1] = stops[k]!;
    const f = p1 > p0 ? Math.min(1, Math.max(0, (v - p0) / (p1 - p0))) : 0;
    const ch = (shift: number) =>
      ((((c0 >>> shift) & 0xff) * (1 - f) + ((c1 >>> shift) & 0xff) * f) * intensity) | 0;
    table[i] = rgb(ch(16), ch(8), ch(0));
  }
  return table;
}

/**
 * Index 0..255 for a field value (clamped above, wrapped for cyclic effects), or -1 for black:
 * values below 0, NaN and infinities (a broken value never draws garbage).
 */
export function paletteIndex(v: number, cyclic: boolean): number {
  if (!(v >= 0) || v === Number.POSITIVE_INFINITY) return -1;
  if (cyclic) v -= Math.floor(v);
  return v >= 1 ? 255 : (v * 255 + 0.5) | 0;
}
