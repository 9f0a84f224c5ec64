import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FileLogger } from '../../src/cli/file-logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-log-'));

test('every line goes to the file with its level; warnings and errors (with stack) are echoed', () => {
  const echoed: string[] = [];
  const log = new FileLogger(join(dir, 'sub', 'ledtable.log'), (line) => echoed.push(line));
  log.info('started');
  log.warn('pad lost');
  log.error('tetris crashed: boom', new Error('boom'));
  const text = readFileSync(join(dir, 'sub', 'ledtable.log'), 'utf8');
  assert.match(text, /info started/);
  assert.match(text, /warn pad lost/);
  assert.match(text, /error tetris crashed: boom\nError: boom\n\s+at /);
  assert.equal(echoed, ['ledtable: pad lost', 'ledtable: tetris crashed: boom']);
  assert.equal(log.problems, ['pad lost', 'tetris crashed: boom']);
});

test('verbose echoes info lines and stacks too', () => {
  const echoed: string[] = [];
  const log = new FileLogger(join(dir, 'verbose.log'), (line) => echoed.push(line), true);
  log.info('tick');
  log.error('failed', new Error('why'));
  assert.is(echoed[0], 'ledtable: tick');
  assert.match(echoed[1] ?? '', /failed\nError: why/);
});

test('an unwritable log file never throws; warnings still reach the echo', () => {
  const blocker = join(dir, 'a-file');
  writeFileSync(blocker, '');
  const echoed: string[] = [];
  const log = new FileLogger(join(blocker, 'ledtable.log'), (line) => echoed.push(line));
  log.info('nobody hears this');
  log.warn('but this is echoed');
  assert.equal(echoed, ['ledtable: but this is echoed']);
});

test('the log file has a size cap and keeps one old file (FILE.1), replaced at each rotation', () => {
  const path = join(dir, 'capped', 'ledtable.log');
  const log = new FileLogger(path, undefined, false, 1000);
  for (let i = 0; i < 40; i++) log.info(`line ${i} ${'x'.repeat(60)}`); // about 3.6 kB in all
  assert.ok(statSync(path).size <= 1000, `current file ${statSync(path).size} bytes`);
  assert.ok(statSync(`${path}.1`).size <= 1000, 'the old file is capped too');
  assert.not.ok(existsSync(`${path}.2`), 'only one old file');
  assert.match(readFileSync(path, 'utf8'), /line 39 /);
  assert.not.match(readFileSync(`${path}.1`, 'utf8'), /line 0 /, 'the oldest lines are gone');
  // A new run appends to the existing file and rotates at the same cap.
  const again = new FileLogger(path, undefined, false, 1000);
  for (let i = 0; i < 20; i++) again.info(`run 2 line ${i} ${'y'.repeat(60)}`);
  assert.ok(statSync(path).size <= 1000);
  assert.match(readFileSync(`${path}.1`, 'utf8') + readFileSync(path, 'utf8'), /run 2 line 19 /);
});

test.run();
