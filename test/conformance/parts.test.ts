import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PARTS } from './conformance.ts';

test(`every seed is played: part-1.test.ts … part-${PARTS}.test.ts exist, and no more`, () => {
  for (let part = 1; part <= PARTS + 1; part++) {
    const file = join(import.meta.dirname, `part-${part}.test.ts`);
    assert.is(existsSync(file), part <= PARTS, file);
  }
});

test.run();
