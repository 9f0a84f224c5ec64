// After `tsc -p tsconfig.build.json`: the compiled tree reads package.json, assets/, web/ (the page,
// bundled at start), docs/ (the gallery) and the game
// templates relative to itself (dist/src/cli/… → dist/package.json, dist/assets/,
// dist/src/cli/templates/), so link them in; then write build-stamp, whose time tells
// bin/ledtable.js that dist/ is newer than every source.
// `--copy` copies them instead (npm pack leaves symlinks out of the tarball; `prepack` copies,
// `postpack` links again so a clone's dist/ follows its assets).
// Usage: node scripts/link-dist.mjs [--copy] [OUT_DIR]   (default dist/, the build's outDir)
import { cpSync, lstatSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const copy = args.includes('--copy');
const out = resolve(args.find((a) => a !== '--copy') ?? join(root, 'dist'));

for (const name of ['package.json', 'assets', 'web', 'docs', 'src/cli/templates']) {
  const target = join(out, name);
  if (lstatSync(target, { throwIfNoEntry: false })) rmSync(target, { recursive: true, force: true });
  if (copy) cpSync(join(root, name), target, { recursive: true });
  else symlinkSync(relative(dirname(target), join(root, name)), target);
}
writeFileSync(join(out, 'build-stamp'), `${new Date().toISOString()}\n`);
const where = relative(root, out) || out;
console.log(
  `${where}/: ${copy ? 'copied' : 'linked'} package.json, assets/, web/, docs/ and templates, wrote build-stamp`,
);
