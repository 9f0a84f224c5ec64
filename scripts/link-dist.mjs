// After `tsc -p tsconfig.build.json`: the compiled tree reads package.json, assets/, the web
// page's sources (web/, bundled at start) and the gallery (docs/) relative to itself
// (dist/src/cli/… → dist/package.json, dist/assets/, dist/web/), so link them in.
import { existsSync, rmSync, symlinkSync } from 'node:fs';

for (const name of ['package.json', 'assets', 'web', 'docs']) {
  const link = new URL(`../dist/${name}`, import.meta.url);
  if (existsSync(link)) rmSync(link, { recursive: true, force: true });
  symlinkSync(`../${name}`, link);
}
console.log('dist/: linked package.json, assets/, web/ and docs/');
