/**
 * The terminal simulator in a real pseudo-terminal (util-linux `script`), in the foreground so it
 * owns the keyboard in raw mode: killed with SIGTERM or SIGINT, it leaves the terminal usable —
 * cursor shown, alternate screen left, echo and canonical mode back on — and exits 0. Skipped
 * with a note where `script` is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(import.meta.dirname, '../../bin/ledtable.js');
const hasScript = spawnSync('script', ['--version']).status === 0;

async function killInPty(signal: NodeJS.Signals): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-pty-'));
  // The inner sh prints its pid and execs the table (so that pid is the table); after it exits,
  // the same terminal is asked for its modes.
  const shell = [
    `sh -c 'echo PID=$$; exec "${process.execPath}" "${BIN}" --data-dir "${dataDir}"'`,
    'echo "exit=$?"',
    "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon",
  ].join('; ');
  const child = spawn('script', ['-qec', shell, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Bounded wait until the table has drawn a few frames, then signal it (20 s: a loaded CI machine
  // can take 8 s to start tsx and the table; signalled before its handlers exist, it would just die).
  for (let i = 0; i < 800 && !(/PID=(\d+)/.test(output) && output.length > 4000); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  const pid = Number(/PID=(\d+)/.exec(output)?.[1]);
  assert.ok(pid > 0, 'the table started');
  process.kill(pid, signal);
  await done;
  return output;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} in a real terminal: cursor back, alternate screen left, echo on, exit 0`, async () => {
    if (!hasScript) {
      console.log('  skipped: `script` (util-linux) is not installed');
      return;
    }
    const output = await killInPty(signal);
    const tail = output.slice(output.lastIndexOf('\x1b[?1049h'));
    assert.ok(tail.includes('\x1b[?25h'), 'cursor shown');
    assert.ok(tail.includes('\x1b[?1049l'), 'alternate screen left');
    assert.match(output, /exit=0/);
    const modes = output.split(/\r?\n/).map((line) => line.trim());
    assert.ok(modes.includes('echo') && !modes.includes('-echo'), `echo on: ${modes.slice(-4).join(' ')}`);
    assert.ok(modes.includes('icanon') && !modes.includes('-icanon'), 'canonical mode on');
  });
}

test.run();
