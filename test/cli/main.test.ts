import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { runCli } from '../helpers/run-cli.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/games');
const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-cli-'));
const run = (...argv: string[]) => runCli(dataDir, ...argv);

test('list --json lists every game folder with id, title and players', async () => {
  const { code, out } = await run('list', '--json');
  assert.is(code, 0);
  const listed = JSON.parse(out) as { id: string; title: string; players: { min: number; max: number } }[];
  const { games } = await discoverGames();
  assert.equal(listed.map((g) => g.id).sort(), games.map((g) => g.id).sort());
  for (const entry of listed) {
    assert.type(entry.title, 'string');
    assert.ok(entry.players.min >= 1 && entry.players.max >= entry.players.min);
  }
});

test('headless --dump prints height lines of width rrggbb values', async () => {
  const { code, out } = await run(
    'play',
    'sparkle',
    '--games',
    FIXTURES,
    '--headless',
    '--ticks',
    '30',
    '--seed',
    '4',
    '--dump',
  );
  assert.is(code, 0);
  const lines = out.trimEnd().split('\n');
  assert.is(lines.length, 15);
  for (const line of lines) assert.match(line, /^[0-9a-f]{6}( [0-9a-f]{6}){19}$/);
});

test('the same seed gives identical dumps; a different seed differs', async () => {
  const args = ['play', 'sparkle', '--games', FIXTURES, '--headless', '--ticks', '50', '--dump'];
  const a = await run(...args, '--seed', '9');
  const b = await run(...args, '--seed', '9');
  const c = await run(...args, '--seed', '10');
  assert.is(a.out, b.out);
  assert.is.not(a.out, c.out);
});

test('--inputs drives the game on the scripted ticks', async () => {
  const file = join(dataDir, 'inputs.json');
  writeFileSync(
    file,
    JSON.stringify([
      { tick: 2, player: 0, button: 'right', down: true },
      { tick: 3, player: 0, button: 'right', down: false },
      { tick: 5, player: 0, button: 'right', down: true },
    ]),
  );
  const { out } = await run(
    'play',
    'mover',
    '--games',
    FIXTURES,
    '--headless',
    '--ticks',
    '10',
    '--inputs',
    file,
    '--dump',
  );
  assert.ok(out.startsWith('000000 000000 ff0000 '), out.slice(0, 40));
});

test('bad options are all reported at once with exit code 2 and no stack trace', async () => {
  const { code, err } = await run('--fps', '500', '--brightness', 'loud', '--colours', '256');
  assert.is(code, 2);
  assert.match(err, /--fps 500/);
  assert.match(err, /--brightness/);
  assert.match(err, /--colours.*did you mean --colors/s);
  assert.not.match(err, /at .*\.ts:\d+/);
});

test('an unknown game names the nearest id; a bad inputs file names the entry', async () => {
  const unknown = await run('play', 'movr', '--games', FIXTURES, '--headless');
  assert.is(unknown.code, 2);
  assert.match(unknown.err, /did you mean "mover"/);
  const file = join(dataDir, 'bad-inputs.json');
  writeFileSync(file, JSON.stringify([{ tick: -1, button: 'jump', down: 'yes' }]));
  const bad = await run('play', 'mover', '--games', FIXTURES, '--headless', '--inputs', file);
  assert.is(bad.code, 2);
  assert.match(bad.err, /\[0\]\.tick/);
  assert.match(bad.err, /\[0\]\.button: "jump" must be one of up, down/);
});

test('a broken game folder is reported and skipped; the others still load', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-games-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'index.ts'), 'export default { id: "other" };');
  mkdirSync(join(dir, 'empty'));
  const { games, problems } = await discoverGames(dir);
  assert.is(games.length, 0);
  assert.is(problems.length, 2);
  assert.match(problems.join('\n'), /id is "other" but the folder is "broken"/);
  assert.match(problems.join('\n'), /no index.ts/);
});

test.run();
