import { Worker } from 'node:worker_threads';

const t0 = performance.now();
const entry = new URL('./child.ts', import.meta.url).href;
const tsx = import.meta.resolve('tsx/esm/api');
const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
const N = Number(process.argv[2] ?? 8);
let done = 0;
for (let i = 0; i < N; i++) {
  const w = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64 } });
  w.on('message', () => {
    w.terminate();
    if (++done === N) console.log(N, 'workers', performance.now() - t0);
  });
}
