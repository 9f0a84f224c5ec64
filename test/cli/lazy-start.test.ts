/**
 * Start-up loads only what a command uses: in a fresh process where `sharp` cannot be resolved
 * (its native platform package missing), `--version` prints the version without loading any game
 * or native driver library, and `list --json` still lists every game (the viewer imports sharp on
 * its first picture, not at discovery) without loading serialport, node-hid or rpi-ws281x-native.
 * (Output kinds declare their options in their drivers' files, so those small modules load for
 * parsing; their native libraries load in open().) Runs the test run's compiled tree, as the
 * service does.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledTree } from '../helpers/compiled-tree.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Module hooks: `sharp` fails to resolve; every game module or native driver library loaded is reported. */
const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'sharp') throw new Error("Cannot find package 'sharp' (hidden by the test)");
  const result = await next(specifier, context);
  if (/\\/games\\/|node_modules\\/(serialport|@serialport|node-hid|rpi-ws281x-native)\\//.test(result.url))
    process.stderr.write('loaded ' + result.url + '\\n');
  return result;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(
  `data:text/javascript,${encodeURIComponent(HOOKS)}`,
)});`;

function ledtable(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, compiledTree().cli, ...args],
      { cwd: ROOT, env: { ...process.env, HOME: join(ROOT, 'node_modules/.cache') } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('without sharp: --version loads no game or native driver; list --json lists the viewer, no native driver', async () => {
  const [version, list] = await Promise.all([ledtable('--version'), ledtable('list', '--json')]);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.is(version.stdout.trim(), pkg.version, version.stderr);
  assert.is(version.code, 0);
  assert.not.match(version.stderr, /loaded /, 'a game or native driver loaded for --version');
  assert.is(list.code, 0, list.stderr);
  const ids = (JSON.parse(list.stdout) as { id: string }[]).map((g) => g.id);
  assert.ok(ids.includes('viewer') && ids.includes('tetris'), ids.join(', '));
  assert.match(
    list.stderr,
    /loaded .*\/games\/tetris\//,
    'the hooks saw no game load (they would miss a driver too)',
  );
  assert.not.match(list.stderr, /loaded .*node_modules/, 'list loaded a native driver library');
});

test.run();
