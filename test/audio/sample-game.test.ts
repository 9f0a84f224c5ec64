/**
 * A game folder with a WAV sample, run by the CLI: the sample is read from the folder, plays on
 * the tick the game asked for, and lands in `--out run.wav` sample for sample.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WavWriter } from '../../src/audio/wav.ts';
import { runCli } from '../helpers/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const cache = join(ROOT, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const gamesDir = mkdtempSync(join(cache, 'ledtable-sample-'));
const folder = join(gamesDir, 'sampler');
mkdirSync(folder);
const api = relative(folder, join(ROOT, 'src/index.ts'));
writeFileSync(
  join(folder, 'index.ts'),
  `import { defineGame } from '${api}';
export default defineGame({
  id: 'sampler',
  title: 'Sampler',
  sounds: 'sample boom file=boom.wav vol=1',
  create(ctx) {
    return {
      update() {
        if (ctx.tick === 3) ctx.sound.play('boom');
      },
      draw: (g) => g.clear(),
    };
  },
});
`,
);
const boom = Int16Array.from({ length: 2000 }, (_, i) =>
  Math.round(20000 * Math.sin(i / 7) * (1 - i / 2000)),
);
const writer = new WavWriter(join(folder, 'boom.wav'), 22050);
writer.write(boom);
writer.close();

test('a WAV sample from the game folder plays on its tick, sample for sample', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-sampler-'));
  const out = join(dir, 'run.wav');
  const { code, err } = await runCli(
    dir,
    'play',
    'sampler',
    '--games',
    gamesDir,
    '--headless',
    '--ticks',
    '20',
    '--volume',
    '100',
    '--out',
    out,
  );
  assert.is(code, 0, err);
  const bytes = readFileSync(out);
  const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.byteLength));
  // ctx.tick is 3 in the third update, the tick with index 2: it starts at sample ⌊2·22050/60⌋
  const start = Math.floor((2 * 22050) / 60);
  assert.ok(
    pcm.subarray(0, start).every((s) => s === 0),
    'silence before',
  );
  for (let i = 0; i < boom.length; i++) {
    assert.ok(
      Math.abs(pcm[start + i]! - boom[i]! * 0.5) <= 1,
      `sample ${i}: ${pcm[start + i]} vs ${boom[i]! * 0.5}`,
    );
  }
});

test.run();
