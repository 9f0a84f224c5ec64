// Writes the sample recordings in assets/tpm2/ (run: npx tsx games/tpm2/make-samples.ts).
// Both are made by formula, so they are the project's own work.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileLayout, DEFAULT_LAYOUT } from '../../src/output/layout.ts';

const out = fileURLToPath(new URL('../../assets/tpm2/', import.meta.url));

function frame(rgb: Uint8Array): Uint8Array {
  const f = new Uint8Array(rgb.length + 5);
  f.set([0xc9, 0xda, rgb.length >> 8, rgb.length & 0xff]);
  f.set(rgb, 4);
  f[f.length - 1] = 0x36;
  return f;
}

function hue(h: number): [number, number, number] {
  const k = (n: number) => (n + h * 6) % 6;
  const c = (n: number) => Math.round(255 * Math.max(0, Math.min(1, Math.min(k(n), 4 - k(n)))));
  return [c(5), c(3), c(1)];
}

function write(name: string, frames: Uint8Array[]): void {
  const total = frames.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const f of frames) {
    bytes.set(f, at);
    at += f.length;
  }
  writeFileSync(`${out}${name}`, bytes);
}

// 1. A diagonal rainbow for the 20×15 table, in strip order (as the tpm2file: output writes it).
const layout = compileLayout(20, 15, DEFAULT_LAYOUT);
const rainbow: Uint8Array[] = [];
for (let t = 0; t < 60; t++) {
  const rgb = new Uint8Array(900);
  for (let y = 0; y < 15; y++) {
    for (let x = 0; x < 20; x++) {
      const led = layout.ledOf[y * 20 + x]!;
      rgb.set(hue(((x + y) / 34 + t / 60) % 1), led * 3);
    }
  }
  rainbow.push(frame(rgb));
}
write('1-rainbow-20x15.tpm2', rainbow);

// 2. A 16×16 row-by-row ring animation (a different size: the player scales it).
const rings: Uint8Array[] = [];
for (let t = 0; t < 32; t++) {
  const rgb = new Uint8Array(16 * 16 * 3);
  for (let y = 0; y < 16; y++) {
    for (let x = 0; x < 16; x++) {
      const d = Math.hypot(x - 7.5, y - 7.5);
      const on = Math.floor(d - t / 4) % 3 === 0;
      rgb.set(on ? hue((d / 12 + t / 32) % 1) : [0, 0, 0], (y * 16 + x) * 3);
    }
  }
  rings.push(frame(rgb));
}
write('2-rings-16x16.tpm2', rings);
