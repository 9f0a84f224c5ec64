import { Worker } from 'node:worker_threads';

const sab = new Int32Array(new SharedArrayBuffer(8));
const w = new Worker(
  `
const { workerData } = require('worker_threads');
const inspector = require('inspector');
const s = new inspector.Session(); s.connectToMainThread();
const sab = workerData;
let last = -1, since = Date.now();
setInterval(() => {
  const v = Atomics.load(sab, 0);
  if (v !== last || Atomics.load(sab, 1) === 0) { last = v; since = Date.now(); return; }
  if (Date.now() - since > 300) { s.post('Runtime.terminateExecution', (e) => console.log('[watchdog] terminated', e)); since = Date.now(); }
}, 50);
`,
  { eval: true, workerData: sab },
);
w.unref();
let tick = 0;
const game = () => {
  if (tick === 3) for (;;) {}
};
const timer = setInterval(() => {
  tick++;
  Atomics.add(sab, 0, 1);
  Atomics.store(sab, 1, 1);
  try {
    game();
  } catch (e) {
    console.log('caught', e);
  } finally {
    Atomics.store(sab, 1, 0);
  }
  console.log('tick', tick);
  if (tick > 6) {
    clearInterval(timer);
    process.exit(0);
  }
}, 20);
process.on('uncaughtException', (e) => console.log('uncaught', e));
