import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CliIo } from '../../src/cli/io.ts';
import { resolveOptions } from '../../src/cli/options.ts';
import { runTable } from '../../src/cli/run-table.ts';
import { prepareTable } from '../../src/cli/table-setup.ts';
import { MemoryLogger } from '../../src/engine/log.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/games');

/** A fake TTY pair: stdout records what is written, stdin tracks raw mode and accepts keys. */
function fakeTty() {
  const written: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns: 80,
    rows: 24,
    write(text: string) {
      written.push(text);
      return true;
    },
  });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    raw: false,
    setRawMode(raw: boolean) {
      stdin.raw = raw;
      return stdin;
    },
    resume() {},
    pause() {},
  });
  const io = {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: { write: () => true } as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    env: { COLORTERM: 'truecolor' },
  } satisfies CliIo;
  return { io, written, stdin };
}

async function startTable(
  trigger: (stdin: EventEmitter) => void,
  dataDir = mkdtempSync(join(tmpdir(), 'ledtable-run-')),
) {
  const { options, gameParams } = resolveOptions(
    ['--games', FIXTURES, '--data-dir', dataDir, '--output', 'terminal'],
    {},
  );
  const log = new MemoryLogger();
  const table = await prepareTable(options, gameParams, log);
  const tty = fakeTty();
  const running = runTable(table, { game: table.catalog.find((g) => g.id === 'sparkle')! }, tty.io, log);
  // Wait (bounded) until frames are being drawn, then trigger the exit path.
  for (let i = 0; i < 100 && tty.written.join('').length < 500; i++)
    await new Promise((r) => setTimeout(r, 20));
  trigger(tty.stdin);
  const code = await running;
  return { code, output: tty.written.join(''), raw: tty.stdin.raw, log };
}

function assertRestored(output: string, raw: boolean) {
  assert.ok(output.includes('\x1b[?1049h'), 'entered the alternate screen');
  const tail = output.slice(output.lastIndexOf('\x1b[?1049h'));
  assert.ok(tail.includes('\x1b[?25h'), 'cursor shown again');
  assert.ok(tail.includes('\x1b[?1049l'), 'alternate screen left');
  assert.not.ok(raw, 'raw mode turned off');
}

test('SIGTERM stops the loop, blanks and restores the terminal, exit code 0', async () => {
  const { code, output, raw } = await startTable(() => process.emit('SIGTERM'));
  assert.is(code, 0);
  assertRestored(output, raw);
});

test('Ctrl-C in raw mode stops the table the same way', async () => {
  const { code, output, raw } = await startTable((stdin) =>
    stdin.emit('keypress', '\x03', { name: 'c', ctrl: true }),
  );
  assert.is(code, 0);
  assertRestored(output, raw);
});

const uncaught = (error: unknown) =>
  (process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', error);

test('an uncaught error ends the game on show (a stray timer of its own), and the table goes on', async () => {
  const { code, log } = await startTable(() => {
    uncaught(new Error('timer threw'));
    process.emit('SIGTERM');
  });
  assert.is(code, 0);
  assert.ok(log.lines.some((line) => line.includes('sparkle: an error outside its update/draw ends it')));
  assert.ok(
    log.lines.some((line) => line.includes('sparkle crashed: timer threw')),
    log.lines.join('\n'),
  );
});

test('uncaught errors that keep coming with no game to blame restore the terminal and exit 1', async () => {
  const { code, output, raw, log } = await startTable(() => {
    for (let i = 0; i < 7; i++) uncaught(new Error('driver fell over'));
  });
  assert.is(code, 1);
  assertRestored(output, raw);
  assert.ok(log.lines.some((line) => line.includes('driver fell over')));
});

test('a corrupt high-score file is moved aside and reported; the table starts with defaults', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-corrupt-'));
  writeFileSync(join(dataDir, 'scores.json'), '{"sparkle": {"default": 12');
  const { code, log } = await startTable(() => process.emit('SIGTERM'), dataDir);
  assert.is(code, 0);
  assert.ok(
    log.lines.some((line) => line.includes('scores.json was corrupt')),
    log.lines.join('\n'),
  );
  assert.ok(readdirSync(dataDir).some((name) => name.startsWith('scores.json.corrupt-')));
});

test.run();
