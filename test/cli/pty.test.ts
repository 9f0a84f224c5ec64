/**
 * The terminal simulator in a real pseudo-terminal (util-linux `script`), in the foreground so it
 * owns the keyboard in raw mode: killed with SIGTERM or SIGINT, it leaves the terminal usable —
 * cursor shown, alternate screen left, echo and canonical mode back on — and exits 0. Skipped
 * with a note where `script` is missing. Runs the test run's compiled tree
 * (test/helpers/compiled-tree.ts): what bin/ledtable.js starts once `npm run build` ran.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledTree } from '../helpers/compiled-tree.ts';

const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs the table in a pseudo-terminal and sends `signal` once the output shows `ready` (a few
 * frames drawn, or the very first escape code), then returns everything the terminal received.
 */
async function killInPty(signal: NodeJS.Signals, ready: (output: string) => boolean): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-pty-'));
  // The inner sh prints its pid and execs the table (so that pid is the table); after it exits,
  // the same terminal is asked for its modes.
  const shell = [
    `sh -c 'echo PID=$$; exec "${process.execPath}" "${compiledTree().cli}" --data-dir "${dataDir}"'`,
    'echo "exit=$?"',
    "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon",
  ].join('; ');
  const child = spawn('script', ['-qec', shell, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Bounded wait until `ready`, checked on every chunk the terminal receives, then signal.
  const pid = await new Promise<number>((resolve) => {
    const check = () => {
      const id = Number(/PID=(\d+)/.exec(output)?.[1]);
      if (id > 0 && ready(output.slice(output.indexOf('PID=')))) {
        child.stdout.off('data', check);
        clearTimeout(timer);
        resolve(id);
      }
    };
    const timer = setTimeout(() => resolve(Number(/PID=(\d+)/.exec(output)?.[1])), 30_000); // a hang guard: start-up on a loaded 2-core machine took over 5 s
    child.stdout.on('data', check);
  });
  assert.ok(pid > 0, 'the table started');
  process.kill(pid, signal);
  await done;
  return output;
}

function assertRestored(output: string): void {
  const tail = output.slice(output.lastIndexOf('\x1b[?1049h'));
  assert.ok(tail.includes('\x1b[?25h'), 'cursor shown');
  assert.ok(tail.includes('\x1b[?1049l'), 'alternate screen left');
  assert.match(output, /exit=0/);
  const modes = output.split(/\r?\n/).map((line) => line.trim());
  assert.ok(modes.includes('echo') && !modes.includes('-echo'), `echo on: ${modes.slice(-4).join(' ')}`);
  assert.ok(modes.includes('icanon') && !modes.includes('-icanon'), 'canonical mode on');
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} in a real terminal: cursor back, alternate screen left, echo on, exit 0`, async () => {
    if (!hasScript) {
      console.log('  skipped: `script` (util-linux) is not installed');
      return;
    }
    assertRestored(await killInPty(signal, (output) => output.length > 4000));
  });
}

// The signal goes out the moment the first escape code arrives (the alternate screen has just
// been entered): the exit paths must already be in place. (The tests above waited for frames,
// by which time they were, so they never saw the start-up window.) SIGINT takes the same path.
test(`SIGTERM at the first escape code: the terminal is given back all the same`, async () => {
  if (!hasScript) {
    console.log('  skipped: `script` (util-linux) is not installed');
    return;
  }
  assertRestored(await killInPty('SIGTERM', (output) => output.includes('\x1b[')));
});

test.run();
