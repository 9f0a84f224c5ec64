import { Worker } from 'node:worker_threads';

const tsx = import.meta.resolve('tsx/esm/api');
for (const code of [
  `require('worker_threads').parentPort.postMessage(1)`,
  `import(${JSON.stringify(tsx)}).then((m) => { require('worker_threads').parentPort.postMessage(1) })`,
  `import(${JSON.stringify(tsx)}).then((m) => { m.register(); require('worker_threads').parentPort.postMessage(1) })`,
]) {
  const t0 = performance.now();
  await new Promise<void>((res) => {
    const w = new Worker(code, { eval: true });
    w.on('message', () => {
      console.log(performance.now() - t0);
      w.terminate();
      res();
    });
  });
}
