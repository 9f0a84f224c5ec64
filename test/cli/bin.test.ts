/**
 * bin/ledtable.js runs the compiled dist/ when it is current (dist/build-stamp newer than every
 * TypeScript source) and the sources through tsx otherwise, or when LEDTABLE_SOURCES=1. Checked
 * on a miniature clone whose two entry points only say which one ran. From the sources, the
 * processes a command forks run TypeScript too.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '../..');

function clone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-bin-'));
  for (const sub of ['bin', 'dist/src/cli', 'src/cli', 'games/demo', 'hardware'])
    mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(join(ROOT, 'bin/ledtable.js'), join(dir, 'bin/ledtable.js'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'dist/src/cli/start.js'), "console.log('compiled');\n");
  writeFileSync(join(dir, 'src/cli/start.ts'), "const ran: string = 'sources';\nconsole.log(ran);\n");
  writeFileSync(join(dir, 'games/demo/index.ts'), 'export {};\n');
  writeFileSync(join(dir, 'dist/build-stamp'), 'built\n');
  return dir;
}

function at(path: string, seconds: number): void {
  utimesSync(path, seconds, seconds);
}

function bin(dir: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [join(dir, 'bin/ledtable.js')],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => (error ? fail(new Error(stderr)) : done(stdout.trim())),
    );
  });
}

test('dist/ newer than every source runs compiled; a newer source, no build or LEDTABLE_SOURCES=1 runs the sources', async () => {
  const [current, stale, unbuilt] = [clone(), clone(), clone()];
  try {
    const t = 1_700_000_000;
    for (const dir of [current, stale, unbuilt]) {
      for (const file of ['src/cli/start.ts', 'games/demo/index.ts']) at(join(dir, file), t);
      at(join(dir, 'dist/build-stamp'), t + 10);
    }
    at(join(stale, 'games/demo/index.ts'), t + 20); // a game edited after the build
    rmSync(join(unbuilt, 'dist/build-stamp'));
    const runs = await Promise.all([
      bin(current),
      bin(current, { LEDTABLE_SOURCES: '1' }),
      bin(stale),
      bin(unbuilt),
    ]);
    assert.equal(runs, ['compiled', 'sources', 'sources', 'sources']);
  } finally {
    for (const dir of [current, stale, unbuilt]) rmSync(dir, { recursive: true, force: true });
  }
});

test('from the sources, a .ts file forked by the command runs through tsx too (the picture decoder)', async () => {
  const dir = clone();
  try {
    rmSync(join(dir, 'dist/build-stamp'));
    writeFileSync(
      join(dir, 'src/cli/start.ts'),
      "import { fork } from 'node:child_process';\n" +
        "fork(new URL('./child.ts', import.meta.url).pathname);\n",
    );
    writeFileSync(join(dir, 'src/cli/child.ts'), "const said: string = 'child ran';\nconsole.log(said);\n");
    assert.is(await bin(dir), 'child ran');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
