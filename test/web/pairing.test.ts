import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveOptions } from '../../src/cli/options.ts';
import { parseWebAddress } from '../../src/web/address.ts';
import { CODE_LIFETIME_MS, Pairing } from '../../src/web/pairing.ts';

function pairing() {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-pairing-'));
  let now = 0;
  const problems: string[] = [];
  const p = new Pairing(
    join(dir, 'tokens.json'),
    (m) => problems.push(m),
    () => now,
  );
  return {
    p,
    file: join(dir, 'tokens.json'),
    advance: (ms: number) => {
      now += ms;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

test('a code expires after two minutes', () => {
  const { p, advance, done } = pairing();
  const code = p.newCode();
  advance(CODE_LIFETIME_MS + 1);
  const result = p.pair(code);
  assert.is(result.ok, false);
  done();
});

test('a new code replaces the old one; tokens survive a restart, forged ones do not pass', () => {
  const { p, file, done } = pairing();
  const old = p.newCode();
  const code = p.newCode();
  if (old !== code) assert.is(p.pair(old).ok, false);
  const result = p.pair(code);
  assert.ok(result.ok);
  const token = result.ok ? result.token : '';
  const again = new Pairing(file, () => {});
  assert.ok(again.valid(token));
  // The token is random base64url: one in 64 ends in 'x' already, so the forgery changes the last
  // character to one it is not.
  const forged = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
  assert.is.not(forged, token);
  assert.not.ok(again.valid(forged));
  assert.not.ok(again.valid(undefined));
  assert.not.ok(again.valid('x'.repeat(1000)));
  done();
});

test('the attempt limit is per client and per minute', () => {
  const { p, advance, done } = pairing();
  for (let i = 0; i < 10; i++) assert.ok(p.allow('10.0.0.2'));
  assert.not.ok(p.allow('10.0.0.2'));
  assert.ok(p.allow('10.0.0.3'));
  advance(60_001);
  assert.ok(p.allow('10.0.0.2'));
  done();
});

test('--web takes PORT or HOST:PORT; anything else is refused with the format', () => {
  assert.equal(parseWebAddress('8080'), { host: '', port: 8080 });
  assert.equal(parseWebAddress('127.0.0.1:8080'), { host: '127.0.0.1', port: 8080 });
  assert.equal(parseWebAddress('[::1]:80'), { host: '::1', port: 80 });
  assert.equal(parseWebAddress('table.local:0'), { host: 'table.local', port: 0 });
  for (const bad of ['', 'http://x:80', '70000', 'x:', ':80x']) {
    assert.throws(() => parseWebAddress(bad), /must be \[HOST:\]PORT/);
  }
});

test('the options table takes --web, --web-open and --web-private-view; a bad address names --web', () => {
  const noFile = (path: string): string => {
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };
  const ok = resolveOptions(['--web', '0.0.0.0:8080', '--web-open', '--web-private-view'], {}, noFile);
  assert.equal(ok.problems, []);
  assert.is(ok.options.web, '0.0.0.0:8080');
  assert.is(ok.options.webOpen, true);
  assert.is(ok.options.webPrivateView, true);
  assert.is(resolveOptions([], {}, noFile).options.web, '', 'off by default');
  const bad = resolveOptions(['--web', 'port8080'], {}, noFile);
  assert.is(bad.problems.length, 1);
  assert.match(String(bad.problems[0]), /--web/);
  assert.match(String(bad.problems[0]), /\[HOST:\]PORT/);
});

test.run();
