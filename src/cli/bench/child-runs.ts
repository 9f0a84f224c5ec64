import { execFile } from 'node:child_process';
import { nodeArgsFor } from '../node-child.ts';

/** What at-rest-child.ts prints. */
export interface AtRestRun {
  readonly cpuPercent: number;
  readonly rss: number;
  /** Milliseconds between consecutive tick callbacks. */
  readonly intervals: number[];
  readonly presented: number;
  readonly sent: number;
  readonly seconds: number;
  readonly problems: string[];
}

/**
 * Runs at-rest-child (compiled when this bench is, see node-child.ts) on one scene at `rate` Hz
 * for `seconds` after `warmUp` seconds, frames to `output`; resolves with its figures.
 */
export function runAtRest(
  scene: string,
  rate: number,
  seconds: number,
  output = 'null',
  warmUp = 1,
): Promise<AtRestRun> {
  const args = [
    ...nodeArgsFor('./at-rest-child.ts', import.meta.url),
    scene,
    String(rate),
    String(seconds),
    output,
    String(warmUp),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`the real-time child (${scene}, ${rate} Hz) failed: ${stderr || error.message}`));
        return;
      }
      const run = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as AtRestRun;
      if (run.problems.length > 0) reject(new Error(`${scene}: ${run.problems.join('; ')}`));
      else resolve(run);
    });
  });
}

/** "compiled" or "sources": how this bench (and so its children) runs. */
export function runMode(): string {
  return import.meta.url.endsWith('.js') ? 'compiled' : 'sources (tsx)';
}
