import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchSection, percentiles, sized } from './section.ts';

/** The clone (or package) root: three folders up from src/cli/bench/, four from dist/src/cli/bench/. */
const ROOT = fileURLToPath(
  new URL(import.meta.url.endsWith('.js') ? '../../../../' : '../../../', import.meta.url),
);

/** How to start the CLI each way; absent when that tree is not there (no build, or no sources). */
function launchers(): { name: string; args: string[] }[] {
  const compiled = join(ROOT, 'dist/src/cli/start.js');
  const sources = join(ROOT, 'src/cli/start.ts');
  return [
    ...(existsSync(compiled) ? [{ name: 'compiled', args: [compiled] }] : []),
    ...(existsSync(sources) ? [{ name: 'sources', args: ['--import', 'tsx', sources] }] : []),
  ];
}

/** Milliseconds from spawning `node …args` until it exits (a non-zero exit is an error). */
function timeExit(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`ledtable ${args.slice(-6).join(' ')} exited ${code}: ${stderr.trim()}`));
    });
  });
}

/**
 * Milliseconds from spawning the menu until its first frame: the table writes TPM2 frames into a
 * FIFO (tpm2file: output) and the first byte read is the first frame. Then SIGTERM ends it.
 */
async function timeFirstFrame(args: string[], dir: string): Promise<number> {
  const fifo = join(dir, 'frames.tpm2');
  rmSync(fifo, { force: true });
  execFileSync('mkfifo', [fifo]);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...args, '--output', `tpm2file:${fifo}`, '--data-dir', join(dir, 'data'), '--idle', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    return await new Promise<number>((resolve, reject) => {
      const frames = createReadStream(fifo);
      frames.once('data', () => {
        resolve(performance.now() - started);
        frames.destroy();
      });
      child.once('exit', (code) =>
        reject(new Error(`the menu exited ${code} before a frame: ${stderr.trim()}`)),
      );
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Start-up: exec → the menu's first frame and `--version` (median of 5), and the time of every
 * command (median of 3), each from the compiled dist/ (after `npm run build`) and from the
 * sources through tsx, in fresh processes.
 */
export const startupBench: BenchSection = {
  title: 'Start-up and commands, compiled vs sources (fresh processes)',
  async run(_table, report, mode) {
    const dir = mkdtempSync(join(tmpdir(), 'ledtable-bench-startup-'));
    const data = ['--data-dir', join(dir, 'data')];
    const commands: [string, string[]][] = [
      ['list --json', ['list', '--json', ...data]],
      [
        'play snake --headless --ticks 600',
        ['play', 'snake', '--headless', '--ticks', '600', '--seed', '1', ...data],
      ],
      [
        'replay snake.json --headless',
        ['replay', join(ROOT, 'assets/replays/snake.json'), '--headless', ...data],
      ],
      ['new (a game folder)', ['new', 'bench', '--games', join(dir, 'games'), ...data]],
    ];
    const found = launchers();
    if (!found.some((l) => l.name === 'compiled'))
      report({ name: 'compiled', value: 0, unit: '', note: 'skipped: no dist/ (run `npm run build`)' });
    const medians = new Map<string, number>();
    const figure = (launcher: string, name: string, samples: number[]) => {
      const median = Math.round(percentiles(samples).median);
      medians.set(`${launcher} ${name}`, median);
      const compiled = medians.get(`compiled ${name}`);
      const ratio = launcher === 'sources' && compiled ? `, ${(median / compiled).toFixed(1)}× compiled` : '';
      report({
        name: `${name}, ${launcher}`,
        value: median,
        unit: 'ms',
        note: `median of ${samples.length}${ratio}${name === 'first frame' && launcher === 'compiled' ? '; aim ≤ 500' : ''}`,
      });
    };
    try {
      for (const { name, args } of found) {
        const firstFrames: number[] = [];
        const versions: number[] = [];
        for (let i = 0; i < sized(mode, 5, 1); i++) {
          firstFrames.push(await timeFirstFrame(args, dir));
          versions.push(await timeExit([...args, '--version']));
        }
        figure(name, 'first frame', firstFrames);
        figure(name, '--version', versions);
        if (mode.quick) continue;
        for (const [label, argv] of commands) {
          const samples: number[] = [];
          for (let i = 0; i < 3; i++) {
            rmSync(join(dir, 'games'), { recursive: true, force: true });
            samples.push(await timeExit([...args, ...argv]));
          }
          figure(name, label, samples);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
