/**
 * The web server over real HTTP on 127.0.0.1: pairing, refusals (nothing written), pictures and
 * the live view socket. The page itself is tested in a real browser (browser.test.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket } from 'ws';
import { picturesDir } from '../../src/cli/uploaded-pictures.ts';
import { CodeScreen } from '../../src/web/code-screen.ts';
import { readFrame } from '../../src/web/protocol.ts';
import { TOKEN_COOKIE } from '../../src/web/web-server.ts';
import { WebTable } from './web-table.ts';

const post = (web: WebTable, path: string, body: unknown, cookie?: string) => web.post(path, body, cookie);

/** Pairs through the API and returns the cookie. */
async function pair(web: WebTable): Promise<string> {
  assert.is((await post(web, '/api/pair/code', {})).status, 202);
  const paired = await post(web, '/api/pair', { code: web.code });
  assert.is(paired.status, 200);
  return paired.headers.get('set-cookie')!.split(';')[0]!;
}

const files = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];

test('pairing: the table shows a code, the phone trades it once for an HttpOnly cookie; a replayed code is refused', async () => {
  const web = await WebTable.start();
  try {
    assert.is((await post(web, '/api/pair/code', {})).status, 202);
    assert.match(web.code, /^\d{4}$/);
    const wrong = String((Number(web.code) + 1) % 10000).padStart(4, '0');
    assert.is((await post(web, '/api/pair', { code: wrong })).status, 403);
    const paired = await post(web, '/api/pair', { code: web.code });
    assert.is(paired.status, 200);
    const cookie = paired.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${TOKEN_COOKIE}=[\\w-]{20,};`));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const replay = await post(web, '/api/pair', { code: web.code });
    assert.is(replay.status, 403);
    assert.is(replay.headers.get('set-cookie'), null);
    const stored = JSON.parse(readFileSync(join(web.dataDir, 'web-tokens.json'), 'utf8'));
    assert.is(stored.hashes.length, 1, 'one token, stored as a hash');
    assert.not.ok(JSON.stringify(stored).includes(cookie.split(';')[0]!.split('=')[1]!));
  } finally {
    await web.stop();
  }
});

test('the code shows on the table over a running game, which waits; pairing closes it', async () => {
  const web = await WebTable.start();
  try {
    web.table.play(web.table.catalog.find((g) => g.id === 'tetris')!, { seed: 1 });
    await web.step(2);
    assert.is((await post(web, '/api/pair/code', {})).status, 202);
    await web.step(1);
    assert.ok(web.engine.top instanceof CodeScreen);
    assert.is(web.engine.game, undefined, 'the game is not updated under the code');
    const lit = [...web.engine.frame.pixels].filter((v) => v > 0).length;
    assert.ok(lit > 20, 'the code is drawn');
    assert.is((await post(web, '/api/pair', { code: web.code })).status, 200);
    await web.step(1);
    assert.is(web.engine.game?.definition.id, 'tetris');
  } finally {
    await web.stop();
  }
});

test('pairing attempts are rate-limited per client (429), and a code dies after 5 wrong guesses', async () => {
  const web = await WebTable.start();
  try {
    await post(web, '/api/pair/code', {});
    const code = web.code;
    const wrong = String((Number(code) + 1) % 10000).padStart(4, '0');
    for (let i = 0; i < 5; i++) assert.is((await post(web, '/api/pair', { code: wrong })).status, 403);
    assert.is((await post(web, '/api/pair', { code })).status, 403, 'the right code no longer works');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(web, '/api/pair', { code })).status);
    assert.equal(statuses, [403, 403, 403, 429, 429]);
  } finally {
    await web.stop();
  }
});

test('control needs the cookie: none = 401, a forged one = 403, and nothing happens', async () => {
  const web = await WebTable.start();
  try {
    await pair(web); // a real token exists, the forged one is still refused
    assert.is((await post(web, '/api/play', { id: 'tetris' })).status, 401);
    const forged = `${TOKEN_COOKIE}=${'A'.repeat(32)}`;
    const refused = await post(web, '/api/play', { id: 'tetris' }, forged);
    assert.is(refused.status, 403);
    assert.match(String(refused.body.error), /not paired/);
    await web.step(1);
    assert.is(web.engine.game, undefined, 'still in the menu');
    const upload = await fetch(`${web.url}/api/pictures`, {
      method: 'POST',
      headers: { Cookie: forged, 'Content-Type': 'image/png' },
      body: await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } })
        .png()
        .toBuffer(),
    });
    assert.is(upload.status, 403);
    assert.equal(files(picturesDir(web.dataDir)), []);
  } finally {
    await web.stop();
  }
});

test('a paired phone starts a game with its settings, pauses it, resumes and returns to the menu', async () => {
  const web = await WebTable.start();
  try {
    const cookie = await pair(web);
    assert.is((await post(web, '/api/play', { id: 'snake', players: 2 }, cookie)).status, 200);
    assert.is(web.engine.game?.definition.id, 'snake');
    assert.is(web.engine.game?.setup.players, 2);
    const bad = await post(web, '/api/play', { id: 'tetris', settings: { level: 'x' } }, cookie);
    assert.is(bad.status, 400);
    assert.is((await post(web, '/api/pause', {}, cookie)).status, 200);
    assert.is(web.engine.top.title, 'Snake (pause)');
    assert.is((await post(web, '/api/resume', {}, cookie)).status, 200);
    assert.is(web.engine.game?.definition.id, 'snake');
    assert.is((await post(web, '/api/menu', {}, cookie)).status, 200);
    assert.is(web.engine.game, undefined);
  } finally {
    await web.stop();
  }
});

test('uploads: a picture is stored under a generated name with a thumbnail, listed and deleted', async () => {
  const web = await WebTable.start();
  try {
    const cookie = await pair(web);
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#00f' } })
      .png()
      .toBuffer();
    const response = await fetch(`${web.url}/api/pictures`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'image/jpeg', 'X-File-Name': '../../evil.jpg' },
      body: png,
    });
    assert.is(response.status, 201);
    const picture = (await response.json()) as { name: string; width: number };
    assert.match(picture.name, /^[0-9a-z]+-[0-9a-f]{8}\.png$/, 'named by its content, not by the client');
    assert.is(picture.width, 64);
    const list = await (await fetch(`${web.url}/api/pictures`, { headers: { Cookie: cookie } })).json();
    assert.equal(list, [{ name: picture.name, bytes: png.length, width: 64, height: 48 }]);
    const thumb = await fetch(`${web.url}/pictures/${picture.name}?thumb`, { headers: { Cookie: cookie } });
    assert.is(thumb.headers.get('content-type'), 'image/webp');
    assert.is((await post(web, `/api/pictures/${picture.name}/show`, {}, cookie)).status, 200);
    assert.is(web.engine.game?.definition.id, 'viewer');
    for (let i = 0; i < 60 && web.engine.frame.get(10, 7) !== 0x0000ff; i++) await web.step(1);
    assert.is(web.engine.frame.get(10, 7), 0x0000ff, 'the blue picture on the table');
    assert.is((await post(web, '/api/pictures/..%2Fx/show', {}, cookie)).status, 400);
    const deleted = await fetch(`${web.url}/api/pictures/${picture.name}`, {
      method: 'DELETE',
      headers: { Cookie: cookie },
    });
    assert.is(deleted.status, 200);
    assert.equal(files(picturesDir(web.dataDir)), ['.thumbs']);
  } finally {
    await web.stop();
  }
});

test('refused uploads write nothing: a non-image (415), a 100 MB body (413, before it is read), ../ names (400)', async () => {
  const web = await WebTable.start();
  try {
    const cookie = await pair(web);
    const dir = picturesDir(web.dataDir);
    const text = await fetch(`${web.url}/api/pictures`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'image/png' },
      body: 'hello, this is not a picture',
    });
    assert.is(text.status, 415);
    assert.match(((await text.json()) as { error: string }).error, /JPEG, PNG, GIF or WebP/);

    // Headers claim 100 MB; only a few bytes follow. The answer must come without the rest.
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(web.url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (data) => {
        answer += data.toString();
      });
      socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
      socket.write(
        `POST /api/pictures HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Type: image/png\r\n` +
          `Content-Length: ${100 * 1024 * 1024}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(1024));
    });
    assert.is(status, 'HTTP/1.1 413 Payload Too Large');

    const outside = join(web.dataDir, 'x');
    writeFileSync(outside, 'keep me');
    for (const [method, path] of [
      ['GET', '/pictures/..%2F..%2Fx'],
      ['DELETE', '/api/pictures/..%2F..%2Fx'],
      ['DELETE', '/api/pictures/..%2Fx'],
    ] as const) {
      const response = await fetch(web.url + path, { method, headers: { Cookie: cookie } });
      assert.is(response.status, 400, `${method} ${path}`);
    }
    assert.ok(existsSync(outside));
    assert.equal(files(dir), []);
  } finally {
    await web.stop();
  }
});

test('the live view socket sends the frame the table shows; the pad socket needs pairing', async () => {
  const web = await WebTable.start({ publicView: true });
  try {
    await web.step(3);
    const socket = new WebSocket(`${web.url.replace('http', 'ws')}/ws/view`);
    const first = await new Promise<Buffer>((resolve, reject) => {
      socket.once('message', (data) => resolve(data as Buffer));
      socket.once('error', reject);
    });
    const frame = readFrame(
      first.buffer.slice(first.byteOffset, first.byteOffset + first.length) as ArrayBuffer,
    );
    assert.is(frame?.width, 20);
    assert.is(frame?.height, 15);
    assert.equal([...frame!.rgb], [...web.seen], 'the frame as people see it');
    socket.close();

    const pad = new WebSocket(`${web.url.replace('http', 'ws')}/ws/pad?id=abcdefgh12`);
    const refused = await new Promise<string>((resolve) => {
      pad.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      pad.once('open', () => resolve('open'));
      pad.once('error', () => {});
    });
    assert.is(refused, '403');
  } finally {
    await web.stop();
  }
});

test('with --web-private-view the live view needs pairing too', async () => {
  const web = await WebTable.start({ publicView: false });
  try {
    const socket = new WebSocket(`${web.url.replace('http', 'ws')}/ws/view`);
    const answer = await new Promise<string>((resolve) => {
      socket.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      socket.once('open', () => resolve('open'));
      socket.once('error', () => {});
    });
    assert.is(answer, '403');
  } finally {
    await web.stop();
  }
});

test.run();
