import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Tpm2Encoder } from '../../hardware/tpm2.ts';
import { lineFramesPerSecond, Tpm2SerialDriver } from '../../hardware/tpm2-serial.ts';
import { hasSocat, PtyPair } from './socat.ts';

test('TPM2 frame bytes: C9 DA size-hi size-lo RGB… 36, colour order applied', () => {
  const encoder = new Tpm2Encoder(2, 'bgr');
  const bytes = encoder.encode(Uint8Array.from([1, 2, 3, 4, 5, 6]));
  assert.equal(Array.from(bytes), [0xc9, 0xda, 0x00, 0x06, 3, 2, 1, 6, 5, 4, 0x36]);
  assert.is(new Tpm2Encoder(300).frameBytes, 905);
  assert.throws(() => new Tpm2Encoder(30000), /65535 bytes/);
});

test('line rate: 115200 baud carries about 12.7 frames per second of 300 LEDs', () => {
  const fps = lineFramesPerSecond(115200, 905);
  assert.ok(fps > 12.7 && fps < 12.8, `${fps}`);
});

/** Reads everything that arrives on a pseudo-terminal. */
async function reader(path: string) {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const chunks: Buffer[] = [];
  port.on('data', (chunk: Buffer) => chunks.push(chunk));
  return {
    bytes: () => Buffer.concat(chunks),
    async until(length: number, ms = 2000) {
      for (let waited = 0; Buffer.concat(chunks).length < length; waited += 5) {
        if (waited > ms) throw new Error(`expected ${length} bytes, got ${Buffer.concat(chunks).length}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () => new Promise<void>((resolve) => port.close(() => resolve())),
  };
}

const frameOf = (value: number, leds: number) => new Uint8Array(leds * 3).fill(value);
const expected = (value: number, leds: number) =>
  Array.from(new Tpm2Encoder(leds).encode(frameOf(value, leds)));

if (!hasSocat()) {
  console.log(
    'tpm2 serial pty tests skipped: socat is not installed (apt-get install socat; .ci/run installs it)',
  );
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-pty-'));

  test('byte-for-byte over a pseudo-terminal; frames shown faster than the line are dropped to the newest; black on close', async () => {
    const pair = await PtyPair.start(join(dir, 'a1'), join(dir, 'b1'));
    const rx = await reader(pair.b);
    const driver = new Tpm2SerialDriver({ path: pair.a, baud: 115200, ledCount: 300 });
    await driver.open();
    for (let i = 1; i <= 5; i++) driver.show(frameOf(i, 300)); // 5 frames at once: the line takes ~79 ms each
    await rx.until(2 * 905);
    const got = rx.bytes();
    assert.equal(Array.from(got.subarray(0, 905)), expected(1, 300), 'first frame goes out at once');
    assert.equal(Array.from(got.subarray(905, 1810)), expected(5, 300), 'then the newest');
    assert.is(driver.dropped, 3);
    await driver.close();
    await rx.until(3 * 905);
    assert.equal(Array.from(rx.bytes().subarray(1810)), expected(0, 300), 'all black on close');
    await rx.close();
    await pair.stop();
  });

  /** Shows n frames, each as soon as the previous one went out; resolves with the ms it took. */
  async function timeFrames(driver: Tpm2SerialDriver, n: number): Promise<number> {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const before = driver.sent;
      driver.show(frameOf(i + 1, 300));
      while (driver.sent === before) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return performance.now() - start;
  }

  test('a USB CDC device (ttyACM*) is paced by write completion; a UART (ttyUSB*) by 115200 baud; the log says which', async () => {
    const cdc = await PtyPair.start(join(dir, 'ttyACM0'), join(dir, 'cdc-far'));
    const uart = await PtyPair.start(join(dir, 'ttyUSB0'), join(dir, 'uart-far'));
    const [cdcRx, uartRx] = [await reader(cdc.b), await reader(uart.b)];
    const lines: string[] = [];
    const fast = new Tpm2SerialDriver({ path: cdc.a, ledCount: 300, info: (line) => lines.push(line) });
    const slow = new Tpm2SerialDriver({ path: uart.a, ledCount: 300, info: (line) => lines.push(line) });
    await fast.open();
    await slow.open();
    assert.is(fast.pacing, 'write');
    assert.is(slow.pacing, 'baud');
    assert.match(
      lines[0] ?? '',
      /ttyACM0: paced by write completion, a USB CDC device \(by its name ttyACM0\)/,
    );
    assert.match(
      lines[1] ?? '',
      /ttyUSB0: paced at 115200 baud \(at most 12\.7 frames\/s of 300 LEDs\), a UART/,
    );
    // 4 frames on the UART need at least 3 line times after the first.
    const uartMs = await timeFrames(slow, 4);
    // 10 frames through the CDC device: faster than the 9 line times (707 ms) pacing would take.
    const cdcMs = await timeFrames(fast, 10);
    assert.ok(cdcMs < 9 * slow.frameMs, `10 CDC frames took ${cdcMs.toFixed(0)} ms`);
    assert.ok(uartMs >= 3 * slow.frameMs - 3, `4 UART frames took ${uartMs.toFixed(0)} ms`);
    await cdcRx.until(10 * 905);
    assert.equal(Array.from(cdcRx.bytes().subarray(9 * 905, 10 * 905)), expected(10, 300));
    await fast.close();
    await slow.close();
    await Promise.all([cdcRx.close(), uartRx.close()]);
    await Promise.all([cdc.stop(), uart.stop()]);
  });

  test('--baud paces a USB CDC device too', async () => {
    const driver = new Tpm2SerialDriver({ path: join(dir, 'ttyACM9'), baud: 230400, ledCount: 300 });
    assert.is(driver.pacing, 'baud');
    assert.match(driver.describePacing(), /paced at 230400 baud .*--baud was given/);
  });

  test('a missing device fails at open with one line naming the fix', async () => {
    const driver = new Tpm2SerialDriver({ path: join(dir, 'nothing-here'), ledCount: 300 });
    try {
      await driver.open();
      assert.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      assert.match(message, /tpm2: serial device .*nothing-here not found: plug in the LED controller/);
      assert.not.match(message, /\n/);
    }
  });

  test('a device lost while running is reopened and gets the newest frame', async () => {
    const a = join(dir, 'a2');
    const b = join(dir, 'b2');
    let pair = await PtyPair.start(a, b);
    const lines: string[] = [];
    const driver = new Tpm2SerialDriver({
      path: a,
      baud: 1_000_000,
      ledCount: 4,
      retryMs: 20,
      log: (line) => lines.push(line),
    });
    await driver.open();
    let rx = await reader(b);
    driver.show(frameOf(7, 4));
    await rx.until(17);
    await rx.close();
    await pair.stop(); // unplugged
    for (let i = 0; i < 100 && !lines.some((l) => l.includes('device lost')); i++) {
      driver.show(frameOf(8, 4)); // the game keeps running
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(
      lines.some((l) => l.includes('device lost')),
      lines.join('\n'),
    );
    pair = await PtyPair.start(a, b); // plugged back in
    rx = await reader(b);
    driver.show(frameOf(9, 4));
    for (let i = 0; i < 200 && driver.reconnects === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.is(driver.reconnects, 1);
    assert.ok(lines.some((l) => l.includes('reconnected')));
    await rx.until(17);
    assert.equal(Array.from(rx.bytes().subarray(0, 17)), expected(9, 4));
    await driver.close();
    await rx.close();
    await pair.stop();
  });
}

test.run();
