/**
 * The message box's endpoint over real HTTP on 127.0.0.1 (one table for the file): a paired
 * phone shows a message with the text app now, updates it while it runs, keeps it (the data
 * dir's message.json, used whenever the app opens) and forgets it; refused requests (unpaired,
 * forged, another site, wrong content type, too long, characters the font lacks, a setting the
 * app has not) change nothing on the table and write nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import text from '../../games/text/index.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import { MAX_MESSAGE_CHARS, type StateResponse } from '../../src/web/protocol.ts';
import { TOKEN_COOKIE } from '../../src/web/web-server.ts';
import { WebTable } from './web-table.ts';

let web: WebTable;
let cookie = '';
const savedFile = () => join(web.dataDir, 'message.json');
const savedText = () => (existsSync(savedFile()) ? readFileSync(savedFile(), 'utf8') : 'none');

test.before(async () => {
  web = await WebTable.start();
  await request('/api/pair/code', {});
  const paired = await fetch(`${web.url}/api/pair`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: web.code }),
  });
  cookie = paired.headers.get('set-cookie')!.split(';')[0]!;
});

test.after(async () => {
  await web.stop();
});

async function request(
  path: string,
  body: unknown,
  headers: Record<string, string> = { Cookie: cookie },
  method = 'POST',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(web.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function state(): Promise<StateResponse> {
  return (
    await fetch(`${web.url}/api/state`, { headers: { Cookie: cookie } })
  ).json() as Promise<StateResponse>;
}

/** What the table drew, with the red of the text app as 'r' and white as '#'. */
function frame(): string {
  return frameToText(web.engine.frame, { r: 0xff3020, '#': 0xffffff });
}

const HI_RED = [
  '....................',
  '....................',
  '....................',
  '....................',
  '....r...r.rrr.r.....',
  '....r...r..r..r.....',
  '....r...r..r..r.....',
  '....rrrrr..r..r.....',
  '....r...r..r..r.....',
  '....r...r..r........',
  '....r...r.rrr.r.....',
  '....................',
  '....................',
  '....................',
  '....................',
].join('\n');

test('a paired phone shows a message now: the text app runs with it, in the colour chosen', async () => {
  web.table.menu();
  const sent = await request('/api/message', { text: 'hi!', settings: { color: 'red' } });
  assert.is(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body, { shown: 'hi!', saved: false, replaced: [] });
  await web.step(2);
  assert.is(web.engine.game?.definition.id, 'text');
  assert.is(frame(), HI_RED);
  assert.not.ok(existsSync(savedFile()), 'not kept unless asked');
  assert.equal((await state()).message, { app: 'text', saved: null });
});

test('a new message replaces the running one and keeps its settings; accents and curly quotes are written plainly', async () => {
  const sent = await request('/api/message', { text: '  “Café”\tis open…  ' });
  assert.is(sent.status, 200, JSON.stringify(sent.body));
  assert.is(sent.body.shown, '"Cafe" is open...');
  assert.equal(sent.body.replaced, ['“ → "', 'é → e', '” → "', '… → ...']);
  await web.step(2);
  const runner = web.engine.game!;
  assert.is(runner.definition.id, 'text');
  assert.equal(runner.setup.params, { message: '"Cafe" is open...' });
  assert.is(runner.setup.settings.color, 'red', 'the colour it ran with stays');
});

test('kept: message.json holds it, the app opened from the menu shows it; forgetting brings the config back', async () => {
  const sent = await request('/api/message', { text: 'HI!', save: true, settings: { color: 'red' } });
  assert.is(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(JSON.parse(readFileSync(savedFile(), 'utf8')), { message: 'HI!' });
  assert.equal((await state()).message, { app: 'text', saved: 'HI!' });
  web.table.menu();
  web.table.play(text, { settings: { color: 'red' } });
  await web.step(2);
  assert.is(frame(), HI_RED, 'the menu opens the kept message');

  assert.is((await request('/api/message', {}, { Cookie: cookie }, 'DELETE')).status, 200);
  assert.equal(JSON.parse(readFileSync(savedFile(), 'utf8')), {});
  web.table.play(text);
  await web.step(2);
  assert.equal(web.engine.game?.setup.params, {}, 'no message: the config (here none) applies');
});

/** Sends a request that must be refused with `status`, and checks that nothing changed. */
async function refused(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): Promise<Record<string, unknown>> {
  web.table.menu();
  const before = savedText();
  const reply = await request('/api/message', body, headers);
  assert.is(reply.status, status, JSON.stringify(reply.body));
  await web.step(1);
  assert.is(web.engine.game, undefined, 'nothing started');
  assert.is(savedText(), before, 'nothing written');
  return reply.body;
}

test('refused and nothing written: no cookie (401), a forged one (403), another site (403), not JSON (415)', async () => {
  const message = { text: 'HACKED', save: true };
  assert.match(String((await refused(401, message, {})).error), /pair this phone first/);
  assert.match(
    String((await refused(403, message, { Cookie: `${TOKEN_COOKIE}=${'A'.repeat(32)}` })).error),
    /not paired/,
  );
  await refused(403, message, { Cookie: cookie, Origin: 'http://evil.example' });
  const form = await refused(415, 'text=HACKED&save=true', {
    Cookie: cookie,
    'Content-Type': 'application/x-www-form-urlencoded',
  });
  assert.match(String(form.error), /application\/json/);
  await refused(415, JSON.stringify(message), { Cookie: cookie, 'Content-Type': 'text/plain' });
  assert.is((await request('/api/message', {}, {}, 'DELETE')).status, 401, 'forgetting needs pairing too');
  const unpaired = (await (await fetch(`${web.url}/api/state`)).json()) as StateResponse;
  assert.is(unpaired.message, null, 'the kept message is not shown to an unpaired page');
});

test('refused: too long, empty, characters the font lacks (named), not text, a setting the app has not', async () => {
  const long = await refused(400, { text: 'A'.repeat(MAX_MESSAGE_CHARS + 1), save: true });
  assert.is(
    long.error,
    `the message is too long: ${MAX_MESSAGE_CHARS + 1} characters, ${MAX_MESSAGE_CHARS} at most`,
  );
  assert.is(
    (await request('/api/message', { text: 'B'.repeat(MAX_MESSAGE_CHARS) })).status,
    200,
    'the limit itself is fine',
  );
  await refused(400, { text: ' \n\t ', save: true });
  const emoji = await refused(400, { text: 'PARTY 🎉 AT 8 ✓', save: true });
  assert.match(String(emoji.error), /^the table cannot draw "🎉", "✓"; it has letters A-Z/);
  const control = await refused(400, { text: 'BELL\u0007', save: true });
  assert.match(String(control.error), /cannot draw U\+0007/);
  await refused(400, { text: 42, save: true });
  await refused(400, { text: 'HI', save: 'yes' });
  assert.match(
    String((await refused(400, { text: 'HI', settings: { colour: 'red' } })).error),
    /no setting "colour"/,
  );
  assert.match(
    String((await refused(400, { text: 'HI', settings: { color: 'pink' } })).error),
    /allowed: white, warm/,
  );
  await refused(413, { text: 'A'.repeat(5000) });
});

test.run();
