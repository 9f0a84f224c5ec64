/**
 * The real command as a separate process: `ledtable play testpattern --output ddp:127.0.0.1:PORT`
 * drives a receiver this test starts, in the layout's LED order, and a signal makes it send an
 * all-black frame and exit 0. Runs the test run's compiled tree (test/helpers/compiled-tree.ts),
 * as the service does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UdpReceiver } from '../hardware/udp-receiver.ts';
import { compiledTree } from '../helpers/compiled-tree.ts';

const DDP_HEADER = 10;

/** LED `i` of a DDP packet as 0xRRGGBB. */
function led(packet: Buffer, i: number): number {
  const at = DDP_HEADER + 3 * i;
  return (packet[at]! << 16) | (packet[at + 1]! << 8) | packet[at + 2]!;
}

async function runUntilSignal(signal: NodeJS.Signals) {
  const receiver = await UdpReceiver.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-exit-'));
  const child = spawn(
    process.execPath,
    [
      compiledTree().cli,
      'play',
      'testpattern',
      '--output',
      `ddp:127.0.0.1:${receiver.port}`,
      '--power-budget',
      '0',
      '--data-dir',
      dataDir,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Bounded wait for the first frames. Start-up through tsx takes a second or two, but 8 s and
  // more on a loaded 2-core machine: a 7.5 s bound sent the signal during start-up there (1 run
  // in 9 failed, load average 15). The bound only guards against a hang: 30 s.
  // The test pattern is still, so after its first frame only keep-alives (one a second) follow.
  for (let i = 0; i < 600 && receiver.packets.length < 1; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 100));
  const running = receiver.packets[receiver.packets.length - 1];
  child.kill(signal);
  const code = await exited;
  await new Promise((r) => setTimeout(r, 50)); // let the last datagram be read
  await receiver.close();
  return {
    code,
    stderr,
    running,
    last: receiver.packets[receiver.packets.length - 1],
    count: receiver.packets.length,
  };
}

/** One run per signal, shared by the tests that look at it (each start-up costs a second or more). */
const runs = new Map<NodeJS.Signals, ReturnType<typeof runUntilSignal>>();
function runFor(signal: NodeJS.Signals): ReturnType<typeof runUntilSignal> {
  const run = runs.get(signal) ?? runUntilSignal(signal);
  runs.set(signal, run);
  return run;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal}: the LEDs are blanked and the process exits 0`, async () => {
    const { code, stderr, running, last, count } = await runFor(signal);
    assert.ok(count >= 2, `only ${count} frames arrived (a running frame, then black); stderr: ${stderr}`);
    assert.is(code, 0, stderr);
    assert.ok(running && running.length === DDP_HEADER + 900);
    assert.ok(last && [...last.subarray(DDP_HEADER)].every((v) => v === 0), 'the last frame is black');
  });
}

test('frames arrive in strip order: the colour bars land where the column zigzag puts them', async () => {
  const { running } = await runFor('SIGTERM');
  assert.ok(running);
  // Bars: columns 0–2 white, 3–4 yellow, 5–7 cyan, 8–9 green … 18–19 black (see games/testpattern).
  assert.is(led(running, 0), 0xffffff, 'pixel (0,0) is LED 0');
  assert.is(led(running, 29), 0xffffff, 'pixel (1,0) is LED 1·15 + 14 = 29 (odd column runs up)');
  assert.is(led(running, 3 * 15 + 14), 0xffff00, 'pixel (3,0) is LED 59, in the yellow bar');
  assert.is(led(running, 8 * 15), 0x00ff00, 'pixel (8,0) is LED 120, in the green bar');
  assert.is(led(running, 19 * 15), 0x000000, 'the last column is the black bar');
});

test.run();
