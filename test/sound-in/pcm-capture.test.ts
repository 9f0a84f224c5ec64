import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PcmCapture } from '../../src/sound-in/pcm-capture.ts';

function pcm(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    view.setInt16(i * 2, v, true);
  });
  return bytes;
}

test('samples split across chunks at odd bytes arrive whole, scaled to -1..1', () => {
  const capture = new PcmCapture({ sampleRate: 600, rate: 60 }); // 10 samples per tick
  const bytes = pcm([0, 16384, -16384, -32768, 32767, 1, 2, 3, 4, 5]);
  for (let i = 0; i < bytes.length; i += 3) capture.write(bytes.subarray(i, i + 3));
  const into = new Float32Array(10);
  assert.ok(capture.next(into));
  assert.equal([...into.slice(0, 5)], [0, 0.5, -0.5, -1, 32767 / 32768]);
});

test('one tick of sound per next(); before any sound the window is silent', () => {
  const capture = new PcmCapture({ sampleRate: 600, rate: 60, maxLatency: Number.POSITIVE_INFINITY });
  const into = new Float32Array(4);
  assert.not.ok(capture.next(into));
  assert.equal([...into], [0, 0, 0, 0]);
  capture.write(pcm(Array.from({ length: 30 }, (_, i) => i * 100)));
  capture.next(into);
  assert.equal(
    [...into].map((v) => Math.round(v * 32768)),
    [600, 700, 800, 900],
    'samples 6..9',
  );
  capture.next(into);
  assert.equal(
    [...into].map((v) => Math.round(v * 32768)),
    [1600, 1700, 1800, 1900],
    'samples 16..19',
  );
});

test('a live capture skips what is older than its latency, so it never lags', () => {
  const capture = new PcmCapture({ sampleRate: 1000, rate: 50, maxLatency: 0.05 }); // 20 per tick, 50 kept
  capture.write(pcm(Array.from({ length: 1000 }, (_, i) => i)));
  const into = new Float32Array(2);
  capture.next(into);
  assert.equal(
    [...into].map((v) => Math.round(v * 32768)),
    [948, 949],
    'the newest 50 samples, not the first 20',
  );
});

test('hours of sound: the buffer keeps only what windows can reach', () => {
  const capture = new PcmCapture({ sampleRate: 8000, rate: 50 });
  const chunk = pcm(Array.from({ length: 160 }, () => 1000));
  const into = new Float32Array(256);
  for (let tick = 0; tick < 50 * 600; tick++) {
    capture.write(chunk);
    capture.next(into);
  }
  const kept = (capture as unknown as { samples: Float32Array }).samples.length;
  assert.ok(kept <= 32768, `buffer of ${kept} samples after 10 minutes`);
  assert.ok(Math.abs(into[255]! - 1000 / 32768) < 1e-6);
});

test('close() runs onClose once', () => {
  let closed = 0;
  const capture = new PcmCapture({ sampleRate: 8000, rate: 50, onClose: () => closed++ });
  capture.close();
  capture.close();
  assert.is(closed, 1);
});

test.run();
