import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import tetris from '../../games/tetris/index.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { Table } from '../../src/table/table.ts';
import { tableLink } from '../../src/web/table-link.ts';

function link(thermalFile: string) {
  const clock = new ManualClock();
  const table = new Table({ catalog: [tetris], clock, seed: 1, idleSeconds: 0 });
  table.engine.start();
  return { table, clock, link: tableLink({ table, outputs: ['null'], picture: () => null, thermalFile }) };
}

test('status: the SoC temperature from the thermal file (°C), none where there is no file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-thermal-'));
  try {
    writeFileSync(join(dir, 'temp'), '48312\n');
    const pi = link(join(dir, 'temp'));
    assert.is(pi.link.status().temperature, 48.3);
    assert.equal(pi.link.status().outputs, ['null']);
    pi.link.dispose();
    const laptop = link(join(dir, 'missing'));
    assert.is(laptop.link.status().temperature, null);
    laptop.link.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pause and resume only with a game; a pad lost pause is not resumed from the page', () => {
  const { table, clock, link: l } = link('/nonexistent');
  assert.not.ok(l.pause(), 'nothing to pause in the menu');
  l.play('tetris', undefined, {});
  assert.ok(l.pause());
  assert.ok(l.status().paused);
  assert.is(l.status().playing, 'tetris');
  assert.ok(l.resume());
  assert.not.ok(l.status().paused);
  table.input.setConnected(0, false);
  clock.step(1);
  assert.is(table.engine.top.title, 'Tetris (p1 lost)');
  assert.not.ok(l.resume(), 'only the pad coming back resumes');
  assert.throws(() => l.play('nope', undefined, {}), /no game "nope"; the table has: tetris/);
  l.dispose();
});

test.run();
