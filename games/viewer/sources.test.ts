import type { Dirent, Stats } from 'node:fs';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listSources, type SourceFs } from './sources.ts';
import { tempDir } from './test-images.ts';

const tmp = tempDir();
test.after(() => tmp.remove());

test('folders list picture files in natural order, skipping hidden and other files', async () => {
  const dir = tmp.path('pics');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  for (const name of ['10.jpg', '2.PNG', '.hidden.png', 'notes.txt', 'b.gif', 'sub/c.webp'])
    writeFileSync(join(dir, name), 'x');
  const list = await listSources([dir]);
  assert.equal(
    list.map((s) => (s.kind === 'file' ? s.name : s.short)),
    ['2.PNG', '10.jpg', 'b.gif', 'c.webp'],
  );
});

test('a file named directly is always tried, whatever its name', async () => {
  const file = tmp.path('picture.dat');
  writeFileSync(file, 'x');
  assert.equal(await listSources([file]), [{ kind: 'file', path: file, name: 'picture.dat' }]);
});

test('problems: empty folder, missing path, dangling link, path through a file, unreadable folder', async () => {
  // Tests run as root, for whom chmod 000 changes nothing: the unreadable folder is a fake fs
  // whose readdir fails with EACCES, as it does for a normal user.
  const empty = tmp.path('empty');
  mkdirSync(empty);
  const link = tmp.path('link');
  symlinkSync(tmp.path('nowhere'), link);
  const file = tmp.path('file.txt');
  writeFileSync(file, 'x');
  const locked = tmp.path('locked');
  mkdirSync(locked);
  const { stat, lstat, readdir } = await import('node:fs/promises');
  const fs: SourceFs = {
    stat: (p) => stat(p) as Promise<Stats>,
    lstat: (p) => lstat(p) as Promise<Stats>,
    readdir: (p, options) => {
      if (p === locked)
        return Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' }),
        );
      return readdir(p, options) as Promise<Dirent[]>;
    },
  };
  const list = await listSources([empty, tmp.path('missing'), link, join(file, 'inside'), locked], fs);
  assert.equal(
    list.map((s) => (s.kind === 'problem' ? s.short : s.name)),
    [
      'NO PICTURES IN empty',
      'NOT FOUND missing',
      'BROKEN LINK link',
      'NOT FOUND inside',
      'CANNOT OPEN locked',
    ],
  );
  const messages = list.map((s) => (s.kind === 'problem' ? s.message : ''));
  assert.match(messages[0] ?? '', /has no pictures.*add some/);
  assert.match(messages[2] ?? '', /symbolic link to something that does not exist/);
  assert.match(messages[3] ?? '', /part of the path is a file/);
  assert.match(messages[4] ?? '', /permission denied.*chmod/);
});

test.run();
