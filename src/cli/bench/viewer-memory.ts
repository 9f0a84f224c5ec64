/**
 * Child process of the viewer bench: runs the picture viewer headless through one folder and
 * prints its peak resident memory as JSON. A fresh process, so the figure is the viewer's alone
 * (the bench's own picture generation would otherwise set the peak).
 * Usage: node --import tsx viewer-memory.ts FOLDER
 */

import { Harness } from '../../testing/harness.ts';
import { discoverGames } from '../discover.ts';

const folder = process.argv[2] ?? '';
const { games } = await discoverGames();
const viewer = games.find((g) => g.id === 'viewer');
if (!viewer) throw new Error('no viewer game found');
const before = process.memoryUsage.rss();
const t = await Harness.start(viewer, { seed: 1, params: { path: folder, interval: 1000 } });
let peak = before;
let heap = 0;
const started = performance.now();
let done = false;
for (let i = 0; i < 2000 && !done; i++) {
  await t.step(1);
  peak = Math.max(peak, process.memoryUsage.rss());
  heap = Math.max(heap, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
  done = t.log.lines.some((line) => line.includes('checked all'));
}
const seconds = (performance.now() - started) / 1000;
t.engine.stop();
process.stdout.write(`${JSON.stringify({ before, peak, heap, seconds, done, crash: t.crash ?? null })}\n`);
