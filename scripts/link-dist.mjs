// After `tsc -p tsconfig.build.json`: the compiled tree reads package.json and assets/ relative
// to itself (dist/src/cli/… → dist/package.json, dist/assets/), so link them in; then write
// dist/build-stamp, whose time tells bin/ledtable.js that dist/ is newer than every source.
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';

for (const name of ['package.json', 'assets']) {
  const link = new URL(`../dist/${name}`, import.meta.url);
  if (existsSync(link)) rmSync(link, { recursive: true, force: true });
  symlinkSync(`../${name}`, link);
}
writeFileSync(new URL('../dist/build-stamp', import.meta.url), `${new Date().toISOString()}\n`);
console.log('dist/: linked package.json and assets/, wrote build-stamp');
