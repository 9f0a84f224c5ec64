import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SharedWork } from './shared-work.ts';

/** Jobs that record who ran them; each takes a few ms, so two sharers interleave. */
function jobs(names: readonly string[], who: string, ran: string[]) {
  return new Map(
    names.map((name) => [
      name,
      async () => {
        ran.push(`${name} by ${who}`);
        await new Promise((wake) => setTimeout(wake, 2));
        return `${name} done by ${who}`;
      },
    ]),
  );
}

test('two sharers of one folder run every job exactly once between them, and both see every result', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ledtable-shared-test-'));
  try {
    const names = Array.from({ length: 12 }, (_, i) => `job-${i}`);
    const [first, second] = [new SharedWork<string>('work', folder), new SharedWork<string>('work', folder)];
    const ran: string[] = [];
    first.share(jobs(names, 'first', ran), 2);
    second.share(jobs(names, 'second', ran), 2);
    const [a, b] = await Promise.all([first.results(names, 5000), second.results(names, 5000)]);
    assert.equal([...a.entries()], [...b.entries()]);
    assert.equal(ran.map((line) => line.split(' ')[0]).sort(), [...names].sort(), 'each job ran once');
    assert.ok(ran.some((l) => l.endsWith('first')) && ran.some((l) => l.endsWith('second')), ran.join());
    for (const name of names) assert.match(a.get(name) ?? '', new RegExp(`^${name} done by (first|second)$`));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a result nobody writes fails the wait, naming the item; a job that throws fails it at once', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ledtable-shared-test-'));
  try {
    const work = new SharedWork<string>('work', folder);
    work.share(new Map([['fine', async () => 'ok']]), 1);
    const waited = await work.results(['fine', 'never'], 100).catch((error: Error) => error);
    assert.instance(waited, Error);
    assert.match((waited as Error).message, /no result within 0\.1 s for never/);

    const broken = new SharedWork<string>('broken', folder);
    broken.share(new Map([['bad', () => Promise.reject(new Error('the disk is full'))]]), 1);
    const started = performance.now();
    const failed = await broken.results(['bad'], 5000).catch((error: Error) => error);
    assert.match((failed as Error).message, 'the disk is full');
    assert.ok(performance.now() - started < 1000, 'not after the whole wait');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test.run();
