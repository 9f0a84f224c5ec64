/**
 * The watchdog thread (issue 17): a process whose main loop stops beating is killed (SIGKILL,
 * after giving the terminal back and saying why), so the service restarts it; while the loop
 * beats, systemd's watchdog is pinged through `systemd-notify` (a fake one on PATH records it).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledTree } from '../helpers/compiled-tree.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/watchdog-stuck.mjs');

test('a blocked main loop is killed within the limit; systemd was pinged while it beat', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-watchdog-'));
  const pings = join(dir, 'pings');
  writeFileSync(join(dir, 'systemd-notify'), `#!/bin/sh\necho "$@" >> "${pings}"\n`);
  chmodSync(join(dir, 'systemd-notify'), 0o755);
  const child = spawn(process.execPath, [FIXTURE, compiledTree().out, '700'], {
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH}`,
      NOTIFY_SOCKET: '/run/fake',
      WATCHDOG_USEC: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  let blockedAt = 0;
  child.stdout.on('data', () => {
    if (!blockedAt && out.includes('blocking')) blockedAt = performance.now();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  clearTimeout(killer);
  const afterBlock = performance.now() - blockedAt;
  try {
    assert.ok(blockedAt > 0, `the fixture ran: ${out} ${err}`);
    assert.is(signal, 'SIGKILL', `exit ${code}: ${err}`);
    assert.ok(afterBlock < 2000, `killed ${Math.round(afterBlock)} ms after blocking`);
    assert.match(out, '[reset]');
    assert.match(err, 'ledtable: the main loop was stuck for');
    const lines = readFileSync(pings, 'utf8').trim().split('\n');
    assert.ok(lines.length >= 1 && lines.every((l) => l === 'WATCHDOG=1'), lines.join('|'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stopped watchdog never kills: the loop may block right after stop()', async () => {
  const child = spawn(process.execPath, [FIXTURE, compiledTree().out, '200', 'stop'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  clearTimeout(killer);
  assert.is(signal, null, out);
  assert.is(code, 0);
  assert.match(out, 'survived');
});

test.run();
