import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Tpm2FileDriver } from '../../hardware/tpm2-file.ts';

test('records one TPM2 frame per show and a black frame on close', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-rec-')), 'run.tpm2');
  const driver = new Tpm2FileDriver({ path, ledCount: 2 });
  await driver.open();
  driver.show(Uint8Array.from([1, 2, 3, 4, 5, 6]));
  driver.show(Uint8Array.from([9, 9, 9, 9, 9, 9]));
  await driver.close();
  await driver.close();
  const frame = (rgb: number[]) => [0xc9, 0xda, 0, 6, ...rgb, 0x36];
  assert.equal(Array.from(readFileSync(path)), [
    ...frame([1, 2, 3, 4, 5, 6]),
    ...frame([9, 9, 9, 9, 9, 9]),
    ...frame([0, 0, 0, 0, 0, 0]),
  ]);
  assert.is(driver.frames, 3);
});

test('an unwritable path fails at open naming the fix', async () => {
  const driver = new Tpm2FileDriver({ path: '/nonexistent-dir/run.tpm2', ledCount: 2 });
  try {
    await driver.open();
    assert.unreachable();
  } catch (error) {
    assert.match(
      (error as Error).message,
      /tpm2file: cannot write \/nonexistent-dir\/run\.tpm2 \(ENOENT\): create the folder/,
    );
  }
});

test.run();
