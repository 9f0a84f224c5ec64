/**
 * The arecord path at its boundary: a real child process writing raw PCM on stdout (here
 * `cat` of a file, standing in for arecord), a missing program, a program that fails with a
 * message on stderr, and close() stopping a process that would run forever.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openAlsaCapture } from '../../hardware/alsa-capture.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-alsa-'));

function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () =>
      check() ? resolve() : Date.now() > end ? reject(new Error('timed out')) : setTimeout(poll, 5);
    poll();
  });
}

test('raw PCM on the program’s stdout arrives as samples', async () => {
  const raw = join(dir, 'tone.raw');
  const bytes = Buffer.alloc(2 * 2205);
  for (let i = 0; i < 2205; i++) bytes.writeInt16LE(Math.round(16000 * Math.sin(i / 5)), i * 2);
  writeFileSync(raw, bytes);
  const capture = openAlsaCapture({ rate: 60, sampleRate: 22050, command: ['cat', raw] });
  const into = new Float32Array(64);
  await until(() => capture.next(into));
  assert.is(capture.problem, '');
  capture.close();
});

test('a missing program is a problem with the fix, never an exception', async () => {
  const capture = openAlsaCapture({ rate: 60, command: ['ledtable-no-such-arecord'] });
  await until(() => capture.problem !== '');
  assert.match(capture.problem, /not installed: sudo apt install alsa-utils/);
  assert.not.ok(capture.next(new Float32Array(8)));
});

test('a failing capture reports its last error line and how to choose a device', async () => {
  const capture = openAlsaCapture({
    rate: 60,
    command: [
      'sh',
      '-c',
      'echo "arecord: main:850: audio open error: No such file or directory" >&2; exit 1',
    ],
  });
  await until(() => capture.problem !== '');
  assert.match(capture.problem, /exit 1\): arecord: main:850: audio open error/);
  assert.match(capture.problem, /arecord -l/);
});

test('close() stops a capture that would run forever, without calling it a problem', async () => {
  const capture = openAlsaCapture({ rate: 60, command: ['sh', '-c', 'exec cat /dev/zero'] });
  await until(() => capture.next(new Float32Array(8)));
  capture.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.is(capture.problem, '');
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
