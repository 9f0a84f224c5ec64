// After `tsc -p tsconfig.build.json`: the compiled tree reads package.json, assets/ and the game
// templates relative to itself (dist/src/cli/… → dist/package.json, dist/assets/,
// dist/src/cli/templates/), so link them in; then write build-stamp, whose time tells
// bin/ledtable.js that dist/ is newer than every source.
// Usage: node scripts/link-dist.mjs [OUT_DIR]   (default dist/, the build's outDir)
import { existsSync, lstatSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? join(root, 'dist'));

for (const name of ['package.json', 'assets', 'src/cli/templates']) {
  const link = join(out, name);
  if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false }))
    rmSync(link, { recursive: true, force: true });
  symlinkSync(relative(dirname(link), join(root, name)), link);
}
writeFileSync(join(out, 'build-stamp'), `${new Date().toISOString()}\n`);
console.log(`${relative(root, out) || out}/: linked package.json, assets/ and templates, wrote build-stamp`);
