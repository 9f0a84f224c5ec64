/**
 * Hot reload end to end: a game in a temporary games folder runs in an engine on a manual clock
 * while the test rewrites its files; the watcher reloads it (sub-modules included) and the next
 * frame shows the new code. Waiting for the watcher is a bounded poll, never a fixed sleep.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { type HotReload, reloadErrorText, watchGames } from '../../src/cli/hot-reload.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { Table } from '../../src/table/table.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-hot-'));
const folder = join(dir, 'blink');
mkdirSync(folder);
// Reloading needs ES modules, as in the repository's games/ (see reload-hooks.ts).
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');

/** index.ts fills the frame with the colour from color.ts; `update` is spliced in as code. */
function writeIndex(update = '') {
  writeFileSync(
    join(folder, 'index.ts'),
    `import { COLOR } from './color.ts';
export default {
  id: 'blink',
  title: 'Blink',
  create() {
    return {
      update() { ${update} },
      draw(g: { clear(c: number): void }) { g.clear(COLOR); },
    };
  },
};
`,
  );
}
function writeColor(color: number) {
  writeFileSync(join(folder, 'color.ts'), `export const COLOR: number = ${color};\n`);
}

/** Polls every 10 ms until `done()` or 5 s have passed (fs events take a few ms). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

writeIndex();
writeColor(0xff0000);
const { games, problems } = await discoverGames(dir);
const log = new MemoryLogger();
const clock = new ManualClock();
const table = new Table({ catalog: games, clock, log, idleSeconds: 0 });
const engine = table.engine;
let hot: HotReload;

test('the game runs its first version', () => {
  assert.equal(problems, []);
  engine.start();
  table.play(games[0]!, { seed: 7 });
  hot = watchGames({ table, gamesDir: dir, log, debounceMs: 20 });
  clock.step(1);
  assert.is(engine.frame.get(0, 0), 0xff0000);
});

test('saving a sub-module reloads it: the next frame has the new colour, same seed', async () => {
  writeColor(0x00ff00);
  await until(() => hot.reloads >= 1, 'the first reload');
  clock.step(1);
  assert.is(engine.frame.get(5, 5), 0x00ff00);
  assert.is(engine.game?.definition, table.catalog[0]);
  assert.is(table.lastLaunch?.options.seed, 7);
});

test('a syntax error shows on the table and in the log; the process keeps running', async () => {
  writeFileSync(join(folder, 'index.ts'), 'export default {{{ broken');
  await until(() => hot.failures >= 1, 'the failed reload');
  clock.step(1);
  assert.is(engine.top.title, 'Reload error');
  assert.is(engine.frame.get(0, 0), 0xff3030);
  assert.ok(log.lines.some((line) => line.startsWith('error: reload blink failed')));
});

test('the table shows where the syntax error is, not only "Transform failed"', () => {
  const problem =
    '/home/me/games/catch/index.ts: failed to load: Transform failed with 1 error:\n/home/me/games/catch/index.ts:8:17: ERROR: Unexpected ";"';
  assert.is(reloadErrorText('catch', problem), 'catch: index.ts:8:17: Unexpected ";"');
  assert.is(
    reloadErrorText(
      'catch',
      '/home/me/games/catch/index.ts: id is "cat" but the folder is "catch": make them equal',
    ),
    'catch: index.ts: id is "cat" but the folder is "catch": make them equal',
  );
  assert.is(reloadErrorText('catch', 'no path here'), 'catch: no path here');
});

test('the next save recovers', async () => {
  writeColor(0x0000ff);
  writeIndex();
  await until(() => hot.reloads >= 2 && engine.game !== undefined, 'the recovering reload');
  clock.step(1);
  assert.is(engine.frame.get(0, 0), 0x0000ff);
});

test('a runtime error takes the crash path; the next save restarts the game', async () => {
  writeIndex("throw new Error('oops');");
  await until(() => hot.reloads >= 3, 'the reload with the bug');
  clock.step(2);
  assert.is(engine.top.title, 'Message');
  assert.ok(log.lines.some((line) => line.includes('blink crashed: oops')));
  const before = hot.reloads;
  writeIndex();
  await until(() => hot.reloads > before, 'the fixing reload');
  clock.step(1);
  assert.is(engine.top.title, 'Blink');
  assert.is(engine.frame.get(0, 0), 0x0000ff);
});

test('an atomic save (temp file renamed over the old one) reloads, and so does every save after it', async () => {
  // Editors and `sed -i` save this way; Node 20's recursive fs.watch on Linux lost the file after it.
  const saveAtomically = (color: number) => {
    writeFileSync(join(folder, 'color.ts.tmp'), `export const COLOR: number = ${color};\n`);
    renameSync(join(folder, 'color.ts.tmp'), join(folder, 'color.ts'));
  };
  for (const [color, save] of [
    [0xffff00, saveAtomically],
    [0x00ffff, writeColor],
    [0xff00ff, saveAtomically],
    [0x808080, writeColor],
  ] as const) {
    const before = hot.reloads;
    save(color);
    await until(() => hot.reloads > before, `the reload to ${color.toString(16)}`);
    clock.step(1);
    assert.is(engine.frame.get(0, 0), color);
  }
});

test('a game folder created while watching reloads too', async () => {
  const late = join(dir, 'late');
  mkdirSync(late);
  writeFileSync(
    join(late, 'index.ts'),
    "export default { id: 'late', title: 'Late', create() { return { update() {}, draw() {} }; } };\n",
  );
  await until(() => table.catalog.some((game) => game.id === 'late'), 'the new game in the catalog');
  const before = hot.reloads;
  writeFileSync(
    join(late, 'index.ts'),
    "export default { id: 'late', title: 'Later', create() { return { update() {}, draw() {} }; } };\n",
  );
  await until(() => hot.reloads > before, 'the reload of the new game');
  assert.is(table.catalog.find((game) => game.id === 'late')?.title, 'Later');
});

test('clean up', () => {
  hot.close();
  engine.stop();
  rmSync(dir, { recursive: true, force: true });
});

test.run();
