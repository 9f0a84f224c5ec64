import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readmeSections, updateReadme } from '../scripts/readme-sections.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('README shows the test command and the run command', () => {
  assert.match(readme, /npm test/);
  assert.match(readme, /npx ledtable/);
});

test('README has every generated section, up to date (run `npm run readme`)', () => {
  for (const name of Object.keys(readmeSections())) {
    assert.ok(readme.includes(`<!-- generated:${name} -->`), `README lacks the ${name} section`);
  }
  assert.ok(updateReadme(readme) === readme, 'README is out of date: run `npm run readme`');
});

test.run();
