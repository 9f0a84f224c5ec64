/**
 * The package as npm sees it: `npm install` on a fresh clone leaves package-lock.json as it is,
 * `engines` asks for the Node the strictest runtime dependency needs, `npm pack` ships only what
 * runs, and a laptop install skips the Raspberry Pi's native LED library.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..');
type Deps = Record<string, string>;
interface Manifest {
  engines: { node: string };
  dependencies: Deps;
  devDependencies: Deps;
  optionalDependencies: Deps;
  files: string[];
}
interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: { node?: string };
  dependencies?: Deps;
  devDependencies?: Deps;
  optionalDependencies?: Deps;
  os?: string[];
  cpu?: string[];
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

test("the lock's root entry lists the dependencies exactly as package.json does (npm install rewrites nothing)", () => {
  const root = lock.packages['']!;
  assert.equal(root.dependencies, pkg.dependencies);
  assert.equal(root.devDependencies, pkg.devDependencies);
  assert.equal(root.optionalDependencies, pkg.optionalDependencies);
  assert.equal(root.engines, pkg.engines);
});

/** The lowest version a `>=a.b.c` range allows, as [a, b, c]; undefined for other ranges. */
function floor(range: string): number[] | undefined {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}
const newer = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

test('engines.node is the strictest `>=` floor of every runtime dependency (sharp 0.35: 20.9.0)', () => {
  const ours = floor(pkg.engines.node);
  assert.ok(ours, `engines.node should be a >= range, got ${pkg.engines.node}`);
  let strictest = [0, 0, 0];
  let who = '';
  for (const [path, entry] of Object.entries(lock.packages)) {
    const min = entry.dev || !entry.engines?.node ? undefined : floor(entry.engines.node);
    if (path !== '' && min && newer(min, strictest) > 0) [strictest, who] = [min, path];
  }
  assert.equal(ours, strictest, `${who} needs Node ${strictest.join('.')}`);
});

test('rpi-ws281x-native comes through an optional Linux-on-ARM package, so laptops skip its C build', () => {
  for (const deps of [pkg.dependencies, pkg.optionalDependencies])
    assert.not.ok('rpi-ws281x-native' in deps, 'a direct dependency would be built on every laptop');
  const spec = pkg.optionalDependencies['@ledtable/ws281x-native'];
  assert.is(spec, 'file:hardware/ws281x-native');
  const wrapper = lock.packages['hardware/ws281x-native']!;
  assert.equal(wrapper.os, ['linux']);
  assert.equal(wrapper.cpu, ['arm', 'arm64']);
  assert.ok(wrapper.dependencies?.['rpi-ws281x-native']);
  assert.ok(lock.packages['node_modules/rpi-ws281x-native'], 'the lock still pins it for the Pi');
});

test('npm pack ships the CLI, sources, games, hardware, assets, the web page and the gallery, and no tests or other docs', () => {
  const listing = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  ) as { files: { path: string }[] }[];
  const files = listing[0]!.files.map((f) => f.path);
  for (const needed of [
    'bin/ledtable.js',
    'src/cli/start.ts',
    'src/cli/templates/game/index.ts.tmpl',
    'games/tetris/index.ts',
    'hardware/tpm2-serial.ts',
    'assets/replays/tetris.json',
    'systemd/install.sh',
    'web/index.html',
    'docs/gallery/tetris.gif',
    'package.json',
  ])
    assert.ok(files.includes(needed), `${needed} is missing from the package`);
  const stray = files.filter((f) =>
    /\.test\.[jt]s$|^test\/|^docs\/(?!gallery\/)|^scripts\/|\.map$|test-helpers|test-images/.test(f),
  );
  assert.equal(stray, []);
});

test.run();
