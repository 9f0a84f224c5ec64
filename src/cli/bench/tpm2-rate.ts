import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAtRest, runMode } from './child-runs.ts';
import { type BenchSection, sized } from './section.ts';

const SECONDS = 5;

/**
 * TPM2 frames per second actually written to a serial device at --fps 25 and 60, for a USB CDC
 * device and a UART, with the default pacing (no --baud): socat's linked pseudo-terminals stand
 * in, named ttyACM0 and ttyUSB0 so the driver classifies them as it would the real ones. The
 * table shows a frame that changes every tick; a reader drains the far end.
 */
export const tpm2RateBench: BenchSection = {
  title: 'TPM2 serial frames per second (300 LEDs, default pacing)',
  async run(_table, report, mode) {
    if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).status !== 0) {
      report({ name: 'skipped', value: 0, unit: '', note: 'socat is not installed (apt-get install socat)' });
      return;
    }
    const seconds = sized(mode, SECONDS, 1);
    const dir = mkdtempSync(join(tmpdir(), 'ledtable-bench-tpm2-'));
    try {
      for (const [kind, name] of [
        ['USB CDC', 'ttyACM0'],
        ['UART', 'ttyUSB0'],
      ] as const) {
        for (const rate of [25, 60]) {
          const near = join(dir, name);
          const far = join(dir, `${name}-far`);
          const socat = spawn('socat', [`pty,raw,echo=0,link=${near}`, `pty,raw,echo=0,link=${far}`], {
            stdio: 'ignore',
          });
          try {
            for (let i = 0; i < 200 && !(existsSync(near) && existsSync(far)); i++)
              await new Promise((resolve) => setTimeout(resolve, 10));
            const drain = await openDrain(far);
            try {
              const run = await runAtRest('probe', rate, seconds, `tpm2:${near}`);
              report({
                name: `${kind} (${name}) at --fps ${rate}`,
                value: Number((run.sent / run.seconds).toFixed(1)),
                unit: 'frames/s',
                note: `${runMode()}; ${Math.round(drain.bytes() / 905)} frames arrived`,
              });
            } finally {
              await drain.close();
            }
          } finally {
            socat.kill();
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Reads and discards everything arriving at a pseudo-terminal, counting bytes. */
async function openDrain(path: string) {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  let bytes = 0;
  port.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  return {
    bytes: () => bytes,
    close: () => new Promise<void>((resolve) => port.close(() => resolve())),
  };
}
