/**
 * The service's ExecStopPost= (issue 17): `blank` opens the configured LED outputs and closes
 * them, so they go black even after the table was killed. Driven at the boundary: a real DDP
 * receiver on 127.0.0.1; the terminal (a preview) is left alone.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blankOutputs } from '../../src/cli/blank-outputs.ts';
import { UdpReceiver } from '../hardware/udp-receiver.ts';

test('blank sends one black frame to a DDP receiver, ignores the terminal and unknown flags, exits 0', async () => {
  const rx = await UdpReceiver.start();
  try {
    const code = await blankOutputs(
      ['--output', `terminal,ddp:127.0.0.1:${rx.port}`, '--service', '--data-dir', '/nonexistent'],
      {},
    );
    assert.is(code, 0);
    await rx.until(1);
    const frame = rx.packets[0]!;
    assert.is(frame.length, 10 + 300 * 3);
    assert.ok(
      frame.subarray(10).every((v) => v === 0),
      'all black',
    );
  } finally {
    await rx.close();
  }
});

test('blank with only previews configured does nothing and exits 0', async () => {
  assert.is(await blankOutputs(['--output', 'terminal'], {}), 0);
});

test.run();
