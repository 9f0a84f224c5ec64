import { parentPort } from 'node:worker_threads';
import { Canvas } from '/work/wt/h7/src/gfx/canvas.ts';

const c: number = new Canvas(2, 2).width;
parentPort!.postMessage({ ok: c });
