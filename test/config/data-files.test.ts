/**
 * Data files are never fatal and never lost (issue 17): a bad settings.json is moved aside with
 * one line naming it, an unreadable scores.json is never written over, a wrong-shape one counts
 * as corrupt, and temp files of killed writers are removed.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { persistentStores } from '../../src/cli/table-setup.ts';
import { JsonFile } from '../../src/config/index.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { GameStores, ScoreBook } from '../../src/table/persistence.ts';
import { runCli } from '../helpers/run-cli.ts';

let dir = '';
test.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledtable-data-'));
});
test.after.each(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const asideFiles = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.corrupt-`));

for (const [label, content] of [
  ['a value out of range', '{"brightness": 500}'],
  ['an array', '[]'],
  ['a string where a number belongs', '{"fps": "60"}'],
  ['an unknown key', '{"brightnes": 5}'],
] as const) {
  test(`settings.json with ${label}: moved aside in one line, the command still runs`, async () => {
    writeFileSync(join(dir, 'settings.json'), content);
    const { code, out, err } = await runCli(dir, 'list');
    assert.is(code, 0, err);
    assert.match(out, 'tetris');
    const lines = err.trim().split('\n');
    assert.is(lines.length, 1, err);
    assert.match(lines[0]!, `${join(dir, 'settings.json')} was corrupt (`);
    assert.match(lines[0]!, 'started with defaults');
    assert.is(asideFiles('settings.json').length, 1);
    assert.is(readFileSync(join(dir, asideFiles('settings.json')[0]!), 'utf8'), content, 'kept as it was');
  });
}

test('settings.json: a string "60" for fps is quoted as the file holds it', async () => {
  writeFileSync(join(dir, 'settings.json'), '{"fps": "60"}');
  const { err } = await runCli(dir, 'list');
  assert.match(err, '"fps": "60": must be an integer from 1 to 120');
});

test('an unreadable scores.json is never written over by a new best', () => {
  if (process.getuid?.() === 0) return console.log('  (skipped: root reads every file)');
  const path = join(dir, 'scores.json');
  writeFileSync(path, '{"snake": {"default": 90}, "tetris": {"default": 12000}}');
  chmodSync(path, 0o000);
  const log = new MemoryLogger();
  const book = new ScoreBook(persistentStores(dir, log).scores!);
  book.record('snake', 'default', 5, 'higher');
  chmodSync(path, 0o600);
  assert.is(
    readFileSync(path, 'utf8'),
    '{"snake": {"default": 90}, "tetris": {"default": 12000}}',
    'both high scores survive',
  );
  assert.match(log.lines[0]!, `could not read ${path}`);
  assert.match(log.lines[1]!, `did not save ${path}: it exists but could not be read`);
});

test('a directory where scores.json belongs: reported, never replaced', () => {
  mkdirSync(join(dir, 'scores.json'));
  writeFileSync(join(dir, 'scores.json', 'keep'), 'x');
  const log = new MemoryLogger();
  const book = new ScoreBook(persistentStores(dir, log).scores!);
  book.record('snake', 'default', 5, 'higher');
  assert.equal(readdirSync(join(dir, 'scores.json')), ['keep']);
  assert.is(log.lines.length, 2, log.lines.join('\n'));
});

for (const [label, content] of [
  ['an array', '[]'],
  ['a number per game', '{"g": 5}'],
  ['a string score', '{"snake": {"default": "90"}}'],
  ['a __proto__ key', '{"__proto__": {"default": 1}}'],
] as const) {
  test(`scores.json with ${label} is corrupt: moved aside, said so, and new bests are kept`, () => {
    const path = join(dir, 'scores.json');
    writeFileSync(path, content);
    const log = new MemoryLogger();
    const book = new ScoreBook(persistentStores(dir, log).scores!);
    assert.is(log.lines.length, 1);
    assert.match(log.lines[0]!, `${path} was corrupt (`);
    assert.is(readFileSync(join(dir, asideFiles('scores.json')[0]!), 'utf8'), content);
    for (const score of [3, 7]) book.record('g', 'default', score, 'higher');
    assert.equal(JSON.parse(readFileSync(path, 'utf8')), { g: { default: 7 } });
    assert.is(log.lines.length, 1, 'no further messages');
  });
}

test('a game store refuses keys that would change its object, and wrong-shape games.json is corrupt', () => {
  writeFileSync(join(dir, 'games.json'), '{"life": 3}');
  const log = new MemoryLogger();
  const stores = new GameStores(persistentStores(dir, log).stores!);
  assert.match(log.lines[0]!, 'games.json was corrupt ("life" must be an object');
  const store = stores.for('life');
  assert.throws(() => store.set('__proto__', { polluted: true }), /the key "__proto__" is refused/);
  assert.throws(() => store.set('x', JSON.parse('{"a": {"constructor": 1}}')), /"constructor" is refused/);
  store.set('pattern', 'glider');
  assert.is(store.get('pattern'), 'glider');
  assert.is(store.get('toString'), undefined, 'inherited names are not stored values');
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test('temp files of killed writers are removed at the first read; a live writer keeps its own', () => {
  const path = join(dir, 'scores.json');
  writeFileSync(path, '{}');
  const deadPid = 2 ** 22 + 17; // above the Linux pid limit: never a live process
  writeFileSync(`${path}.tmp-${deadPid}`, '{"half');
  writeFileSync(`${path}.tmp-${process.pid}`, '{"mine');
  writeFileSync(join(dir, `other.json.tmp-${deadPid}`), '{');
  new JsonFile(
    path,
    () => ({}),
    () => {},
  ).read();
  assert.equal(readdirSync(dir).sort(), [
    `other.json.tmp-${deadPid}`,
    'scores.json',
    `scores.json.tmp-${process.pid}`,
  ]);
});

test.run();
