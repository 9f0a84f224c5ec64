#!/usr/bin/env node
// Runs the compiled dist/ when it is present and current (built after the last change to any
// TypeScript source), else the sources through tsx: `npx ledtable` works from a clone with no
// build step, and starts about three times faster after `npm run build`. The service runs
// dist/src/cli/start.js directly (see systemd/). LEDTABLE_SOURCES=1 forces the sources.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** Newest modification time (ms) of a .ts file below `dir`, tests and node_modules aside. */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** True when `npm run build` ran after the last edit (it writes dist/build-stamp last). */
function compiledIsCurrent() {
  if (process.env.LEDTABLE_SOURCES === '1') return false;
  let built;
  try {
    built = statSync(new URL('dist/build-stamp', root)).mtimeMs;
  } catch {
    return false;
  }
  const base = root.pathname;
  return ['src', 'games', 'hardware'].every((dir) => newestSource(`${base}${dir}`) <= built);
}

if (compiledIsCurrent()) {
  await import('../dist/src/cli/start.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  // Node processes this one forks (the picture decoder) run their .ts files the same way:
  // fork() passes process.execArgv on, and registering tsx here left no loader there.
  process.execArgv.push('--import', import.meta.resolve('tsx'));
  await import('../src/cli/start.ts');
}
