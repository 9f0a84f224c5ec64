import vm from 'node:vm';

const ctx = vm.createContext({ call: undefined });
const script = new vm.Script('call()');
const guarded = (fn, ms) => {
  ctx.call = fn;
  try {
    return script.runInContext(ctx, { timeout: ms });
  } finally {
    ctx.call = undefined;
  }
};
let n = 0;
const f = () => {
  n++;
};
for (let i = 0; i < 2000; i++) guarded(f, 1000);
let t0 = performance.now();
for (let i = 0; i < 20000; i++) guarded(f, 1000);
console.log('guarded call µs', (((performance.now() - t0) * 1000) / 20000).toFixed(2));
t0 = performance.now();
for (let i = 0; i < 20000; i++) f();
console.log('plain µs', (((performance.now() - t0) * 1000) / 20000).toFixed(3));
t0 = performance.now();
try {
  guarded(() => {
    for (;;) {}
  }, 200);
} catch (e) {
  console.log('caught', e.code, e.message, performance.now() - t0);
}
try {
  guarded(() => {
    try {
      for (;;) {}
    } catch {
      console.log('inner catch ran');
    } finally {
      console.log('finally ran');
    }
  }, 200);
} catch (e) {
  console.log('caught2', e.code);
}
guarded(f, 100);
console.log('still works', n);
const p = Promise.resolve().then(() => console.log('microtask ok'));
