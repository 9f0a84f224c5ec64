/**
 * ledtable in pipes and scripts: a pipe or a file as stdout (isTTY undefined, not false, as the
 * older tests faked it) never receives escape codes; mistakes a script can make exit 2 with a
 * line that names the fix.
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../helpers/run-cli.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/games');

/** Streams as a shell gives them to `ledtable … > FILE`: stdout a real file stream. */
function redirected() {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-pipe-'));
  const file = join(dir, 'stdout.txt');
  const stdout = createWriteStream(file);
  let err = '';
  const io: CliIo = {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    } as unknown as NodeJS.WriteStream,
    stdin: { isTTY: false } as NodeJS.ReadStream,
    env: { HOME: dir },
  };
  const written = async () => {
    await new Promise<void>((resolve) => stdout.end(resolve));
    return readFileSync(file, 'utf8');
  };
  return { dir, io, stdout, err: () => err, written };
}

test('--output terminal into a pipe or file: exit 2 with the fix, and no escape code written', async () => {
  const run = redirected();
  assert.is((run.stdout as { isTTY?: boolean }).isTTY, undefined, 'a file stream says undefined, not false');
  const code = await main(
    ['play', 'sparkle', '--output', 'terminal', '--games', FIXTURES, '--data-dir', run.dir],
    run.io,
  );
  assert.is(code, 2);
  assert.match(run.err(), /not a TTY.*--output null/);
  assert.is(await run.written(), '');
});

test('`ledtable > FILE` runs with no output, says so on stderr at once, and stops cleanly on SIGTERM', async () => {
  const run = redirected();
  const running = main(['--games', FIXTURES, '--data-dir', run.dir, '--demo-seconds', '0'], run.io);
  for (let i = 0; i < 100 && !run.err().includes('runs with no output'); i++)
    await new Promise((r) => setTimeout(r, 10));
  assert.match(run.err(), /stdout is not a terminal .* runs with no output until Ctrl-C or SIGTERM/);
  process.emit('SIGTERM');
  assert.is(await running, 0);
  assert.is(await run.written(), '', 'nothing on stdout');
});

test('bench WORD that names no section: exit 2 listing the sections', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-pipe-'));
  const run = await runCli(dir, 'bench', 'nothing');
  assert.is(run.code, 2);
  assert.match(run.err, /no bench section's title contains "nothing"; the sections are:\n[\s\S]*Per-tick/i);
  assert.is(run.out, '');
});

test("--players outside the game's range: exit 2 naming the range (headless and real time)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-pipe-'));
  const headless = await runCli(
    dir,
    'play',
    'mover',
    '--games',
    FIXTURES,
    '--headless',
    '--ticks',
    '1',
    '--players',
    '3',
  );
  assert.is(headless.code, 2);
  assert.match(headless.err, /--players 3: .* takes 1 or 2 players/);
  const live = await runCli(
    dir,
    'play',
    'sparkle',
    '--games',
    FIXTURES,
    '--output',
    'null',
    '--players',
    '2',
  );
  assert.is(live.code, 2);
  assert.match(live.err, /--players 2: .* takes 1 player \(/);
  const fine = await runCli(
    dir,
    'play',
    'mover',
    '--games',
    FIXTURES,
    '--headless',
    '--ticks',
    '1',
    '--players',
    '2',
  );
  assert.is(fine.code, 0, fine.err);
});

test.run();
