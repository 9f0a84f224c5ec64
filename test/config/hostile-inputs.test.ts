/**
 * Hostile inputs (issue 17): keys that would pollute prototypes are refused at every entry point
 * where user data becomes objects, files that never end or are too big are refused, errors never
 * echo a file's contents, and long lists of problems are cut to the first 20.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readRecording } from '../../games/tpm2/index.ts';
import { resolveOptions } from '../../src/cli/options.ts';
import { HttpError, readJson } from '../../src/web/http-util.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-hostile-'));
const run = (...argv: string[]) => runCli(dir, ...argv);
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const unpolluted = () => {
  const probe = {} as Record<string, unknown>;
  assert.is(probe.kind, undefined, 'Object.prototype untouched');
  assert.is(probe.polluted, undefined, 'Object.prototype untouched');
};

test('--set __proto__.kind=app is refused (exit 2), and list still shows games as games', async () => {
  const r = await run('list', '--json', '--set', '__proto__.kind=app');
  assert.is(r.code, 2);
  assert.match(r.err, '--set __proto__.kind=app: the key "__proto__" is refused');
  unpolluted();
  for (const entry of ['constructor.x=1', 'tetris.prototype=1', 'tetris.__proto__=1']) {
    const { problems } = resolveOptions(['--set', entry], {});
    assert.is(problems.length, 1, entry);
  }
  const list = await run('list', '--json');
  const kinds = (JSON.parse(list.out) as { id: string; kind?: string }[]).find((g) => g.id === 'connect4');
  assert.is.not(kinds?.kind, 'app');
});

test('a config file with "games": {"__proto__": …} or a top-level __proto__ is refused by name', async () => {
  const games = file('games.json', '{"games": {"__proto__": {"kind": "app"}}}');
  const r = await run('list', '--config', games);
  assert.is(r.code, 2);
  assert.match(r.err, `config file ${games}: "games.__proto__": the key "__proto__" is refused`);
  const param = file('param.json', '{"games": {"viewer": {"constructor": "x"}}}');
  assert.match((await run('list', '--config', param)).err, '"games.viewer.constructor": the key');
  const top = file('top.json', '{"__proto__": {"polluted": true}}');
  assert.match((await run('list', '--config', top)).err, `config file ${top}: "__proto__": the key`);
  unpolluted();
});

test('settings.json with a __proto__ key is moved aside, naming the key', async () => {
  const settingsDir = mkdtempSync(join(tmpdir(), 'ledtable-settings-'));
  writeFileSync(join(settingsDir, 'settings.json'), '{"idle": 5, "x": {"__proto__": {"polluted": 1}}}');
  const r = await runCli(settingsDir, 'list');
  assert.is(r.code, 0);
  assert.match(r.err, 'it has the key "__proto__", which is never allowed');
  unpolluted();
  rmSync(settingsDir, { recursive: true, force: true });
});

const replay = (changes: Record<string, unknown>) =>
  JSON.stringify({
    version: 1,
    game: 'snake',
    seed: 1,
    players: 1,
    settings: {},
    params: {},
    rate: 60,
    width: 20,
    height: 15,
    events: [],
    ticks: 10,
    ...changes,
  });

test('a replay with a __proto__ key, or with endless ticks, is refused (exit 2)', async () => {
  const proto = file('proto.replay.json', replay({ params: JSON.parse('{"__proto__": {"polluted": 1}}') }));
  const raw = readFileSync(proto, 'utf8');
  assert.match(raw, '__proto__', 'the file really holds the key');
  const a = await run('replay', proto, '--headless');
  assert.is(a.code, 2);
  assert.match(a.err, 'the key "__proto__" is refused');
  const endless = file('endless.replay.json', replay({ ticks: 9007199254740991 }));
  const b = await run('replay', endless, '--headless');
  assert.is(b.code, 2);
  assert.match(b.err, '.ticks: 9007199254740991 must be an integer from 0 to 432000');
  const ok = await run('replay', file('ok.replay.json', replay({})), '--headless', '--dump');
  assert.is(ok.code, 0, ok.err);
  unpolluted();
});

test('--inputs: a __proto__ key is refused; a million-line mistake shows 20 problems and a count', async () => {
  const proto = file('proto-inputs.json', '[{"tick": 0, "button": "a", "down": true, "__proto__": {}}]');
  const a = await run('play', 'snake', '--headless', '--inputs', proto);
  assert.is(a.code, 2);
  assert.match(a.err, 'unknown key "__proto__"');
  const many = file('many.json', JSON.stringify(Array.from({ length: 5000 }, () => ({ tick: -1 }))));
  const b = await run('play', 'snake', '--headless', '--inputs', many);
  assert.is(b.code, 2);
  const lines = b.err.trim().split('\n');
  assert.ok(lines.length < 25, `${lines.length} lines`);
  assert.match(b.err, '... and 14980 more problem(s)');
});

test('--inputs /dev/zero and a named pipe are refused at once, not read forever', async () => {
  const a = await run('play', 'snake', '--headless', '--inputs', '/dev/zero');
  assert.is(a.code, 2);
  assert.match(a.err, '--inputs /dev/zero: cannot read it (it is a device, not a regular file)');
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const b = await run('play', 'snake', '--headless', '--inputs', fifo);
  assert.match(b.err, 'it is a named pipe, not a regular file');
});

test('a layout map:FILE error never echoes the file contents', async () => {
  const secret = file('secret.txt', 'hunter2-password-line\nroot:x:0:0');
  const r = await run('list', '--layout', `map:${secret}`);
  assert.is(r.code, 2);
  assert.match(r.err, `layout map ${secret} is not valid JSON (an unexpected character`);
  assert.not.match(r.err, 'hunter2');
  const broken = file('broken-map.json', '[[1, 2, hunter2');
  const b = await run('list', '--layout', `map:${broken}`);
  assert.match(b.err, 'is not valid JSON (an unexpected character)');
  assert.not.match(b.err, 'hunter2');
  const zero = await run('list', '--layout', 'map:/dev/zero');
  assert.match(zero.err, 'it is a device, not a regular file');
});

test('new with a 500-character id: a clear message and exit 2', async () => {
  const r = await run('new', 'a'.repeat(500), '--games', dir);
  assert.is(r.code, 2);
  assert.match(r.err, 'a game id may have at most 40 characters');
  assert.not.match(r.err, 'unexpected error');
});

test('tpm2 player: /dev/zero and a folder are refused, a regular file is read', async () => {
  let message = '';
  await readRecording('/dev/zero').catch((e: Error) => {
    message = e.message;
  });
  assert.match(message, 'not a regular file');
  await readRecording(dir).catch((e: Error) => {
    message = e.message;
  });
  assert.match(message, 'not a regular file');
  const bytes = await readRecording(file('one.tpm2', '\xc9\xda\x00\x03\x01\x02\x03\x36'));
  assert.ok(bytes.length > 0);
});

test('a web request body with a __proto__ key is refused with 400', async () => {
  const body = (text: string) =>
    Object.assign(Readable.from([Buffer.from(text)]), {
      headers: { 'content-type': 'application/json' },
    }) as unknown as IncomingMessage;
  let error: unknown;
  await readJson(body('{"brightness": 5, "x": {"__proto__": {"polluted": 1}}}')).catch((e: unknown) => {
    error = e;
  });
  assert.instance(error, HttpError);
  assert.is((error as HttpError).status, 400);
  assert.match((error as HttpError).message, 'the key "__proto__" is refused');
  assert.equal(await readJson(body('{"brightness": 5}')), { brightness: 5 });
  unpolluted();
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
