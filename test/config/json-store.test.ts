import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { JsonFile } from '../../src/config/index.ts';

interface Scores {
  best: number;
}
const fallback = (): Scores => ({ best: 0 });

let dir = '';
test.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledtable-json-'));
});
test.after.each(() => {
  rmSync(dir, { recursive: true, force: true });
});

function store(path: string) {
  const reports: string[] = [];
  return { file: new JsonFile<Scores>(path, fallback, (m) => reports.push(m)), reports };
}

test('missing file: fallback, silently', () => {
  const { file, reports } = store(join(dir, 'scores.json'));
  assert.equal(file.read(), { best: 0 });
  assert.equal(reports, []);
});

test('round trip, creating parent directories (mode 0700), leaving no temp file', () => {
  const path = join(dir, 'a', 'b', 'scores.json');
  const { file, reports } = store(path);
  assert.is(file.write({ best: 42 }), true);
  assert.equal(file.read(), { best: 42 });
  assert.equal(new JsonFile<Scores>(path, fallback, () => {}).read(), { best: 42 });
  assert.is(statSync(join(dir, 'a')).mode & 0o777 & ~0o700, 0, 'no access for group and others');
  assert.equal(readdirSync(join(dir, 'a', 'b')), ['scores.json']);
  file.write({ best: 43 });
  assert.equal(file.read(), { best: 43 });
  assert.equal(reports, []);
});

test('corrupt JSON is moved aside and reported, then fallback', () => {
  const path = join(dir, 'scores.json');
  writeFileSync(path, '{"best": 4');
  const { file, reports } = store(path);
  assert.equal(file.read(), { best: 0 });
  assert.is(reports.length, 1);
  const aside = readdirSync(dir).find((f) => f.startsWith('scores.json.corrupt-'));
  assert.ok(aside, 'moved aside');
  assert.is(readFileSync(join(dir, aside), 'utf8'), '{"best": 4', 'kept intact for inspection');
  assert.match(reports[0]!, `${path} was corrupt (`);
  assert.match(reports[0]!, `moved it to ${join(dir, aside)} and started with defaults`);
  assert.equal(file.read(), { best: 0 });
  assert.is(reports.length, 1, 'the file is gone now: a second read is silent');
});

test('valid JSON that is not an object counts as corrupt', () => {
  const path = join(dir, 'scores.json');
  writeFileSync(path, '42');
  const { file, reports } = store(path);
  assert.equal(file.read(), { best: 0 });
  assert.match(reports[0]!, 'expected a JSON object, found 42');
});

test('a custom validate can refuse a shape', () => {
  const path = join(dir, 'scores.json');
  writeFileSync(path, '{"best": "x"}');
  const reports: string[] = [];
  const file = new JsonFile<Scores>(
    path,
    fallback,
    (m) => reports.push(m),
    (v) => (typeof (v as Scores).best === 'number' ? undefined : '"best" must be a number'),
  );
  assert.equal(file.read(), { best: 0 });
  assert.match(reports[0]!, '"best" must be a number');
});

test('crash simulation: a stale temp file from a dead writer is ignored', () => {
  const path = join(dir, 'scores.json');
  const { file, reports } = store(path);
  file.write({ best: 7 });
  writeFileSync(`${path}.tmp-99999`, '{"best": 1000'); // half-written by a process that died
  assert.equal(file.read(), { best: 7 });
  file.write({ best: 8 });
  assert.equal(file.read(), { best: 8 });
  assert.equal(reports, []);
});

test('unwritable location: a clear report naming the path, no throw (ENOTDIR works even as root)', () => {
  const blocker = join(dir, 'not-a-dir');
  writeFileSync(blocker, 'x');
  const path = join(blocker, 'scores.json');
  const { file, reports } = store(path);
  assert.is(file.write({ best: 1 }), false);
  assert.is(reports.length, 1);
  assert.match(reports[0]!, `could not save ${path}`);
  assert.match(reports[0]!, 'not a directory');
  assert.equal(file.read(), { best: 0 }, 'reading through a file is reported, not a crash');
  const deeper = join(blocker, 'sub', 'scores.json');
  const second = store(deeper);
  assert.is(second.file.write({ best: 1 }), false);
  assert.match(second.reports[0]!, `could not save ${deeper}: ENOTDIR`);
});

test.run();
