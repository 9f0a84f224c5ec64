/**
 * `npm run gallery` is deterministic and can build one game alone: two runs of one game into
 * fresh folders give the same bytes, equal to the committed GIF and replay (so running the
 * gallery on unchanged code rewrites nothing).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGallery } from '../../src/cli/gallery.ts';

const ROOT = resolve(import.meta.dirname, '../..');

test('one game alone, twice: the same bytes, equal to the committed docs/gallery and assets/replays files', async () => {
  const runs = [
    mkdtempSync(join(tmpdir(), 'ledtable-gallery-')),
    mkdtempSync(join(tmpdir(), 'ledtable-gallery-')),
  ];
  try {
    for (const dir of runs) {
      const entries = await makeGallery(['testpattern'], 8, { gifs: dir, replays: dir });
      assert.equal(
        entries.map((e) => e.game.id),
        ['testpattern'],
      );
    }
    assert.equal(readdirSync(runs[0]!).sort(), ['testpattern.gif', 'testpattern.json']);
    for (const [file, committed] of [
      ['testpattern.gif', 'docs/gallery/testpattern.gif'],
      ['testpattern.json', 'assets/replays/testpattern.json'],
    ] as const) {
      const [first, second] = runs.map((dir) => readFileSync(join(dir, file)));
      assert.ok(first!.equals(second!), `${file} differs between two runs`);
      assert.ok(
        first!.equals(readFileSync(join(ROOT, committed))),
        `${committed} is not what the gallery makes now: run \`npm run gallery -- testpattern\``,
      );
    }
  } finally {
    for (const dir of runs) rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
