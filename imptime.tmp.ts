import { execFileSync } from 'node:child_process';
const files = process.argv.slice(2);
(globalThis as any).UVU_DEFER = 1;
(globalThis as any).UVU_QUEUE = [];
const rows: [number, number, string][] = [];
for (const [i, f] of files.entries()) {
  (globalThis as any).UVU_INDEX = i; (globalThis as any).UVU_QUEUE.push([f]);
  const t = performance.now(); const c = process.cpuUsage();
  await import('/work/main/' + f);
  const cu = process.cpuUsage(c);
  rows.push([performance.now() - t, (cu.user + cu.system) / 1000, f]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const r of rows.slice(0, 15)) console.log(r[0].toFixed(0).padStart(6), r[1].toFixed(0).padStart(6), r[2]);
console.log('total', rows.reduce((s, r) => s + r[0], 0).toFixed(0), rows.reduce((s, r) => s + r[1], 0).toFixed(0));
process.exit(0);
