// After `tsc -p tsconfig.build.json`: the compiled tree reads package.json and assets/ relative
// to itself (dist/src/cli/… → dist/package.json, dist/assets/), so link them in.
import { existsSync, rmSync, symlinkSync } from 'node:fs';

for (const name of ['package.json', 'assets']) {
  const link = new URL(`../dist/${name}`, import.meta.url);
  if (existsSync(link)) rmSync(link, { recursive: true, force: true });
  symlinkSync(`../${name}`, link);
}
console.log('dist/: linked package.json and assets/');
