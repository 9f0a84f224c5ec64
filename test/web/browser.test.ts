/**
 * The web page in a real browser (Debian's Chromium through playwright-core, one launch for the
 * file): the live view draws the table's frame, the phone pad plays like the same buttons in the
 * Harness, phones take and free seats, an upload reaches the picture viewer, a message typed in
 * the message box runs the text app, and the settings panel changes the table's settings lines.
 * The table runs on a manual clock: the test steps it, so every frame compared is a known one.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import tetris from '../../games/tetris/index.ts';
import text from '../../games/text/index.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import { Harness } from '../../src/testing/index.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { WebTable } from './web-table.ts';

/** One browser context for every page (one pairing): touch on, pages sized as a phone or a desktop. */
const CONTEXT = { viewport: { width: 390, height: 844 }, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { width: 1280, height: 900 };
/** Waits in the page are short: everything happens on 127.0.0.1. */
const WAIT = 5000;

let browser: Browser | undefined;
let web: WebTable;

test.before(async () => {
  if (!hasChromium()) return;
  [browser, web] = await Promise.all([launchChromium(), WebTable.start()]);
});

test.after(async () => {
  await browser?.close();
  await web?.stop();
});

/** Polls `check` (Node side) until it is true or WAIT ms passed. */
async function until(what: string, check: () => boolean): Promise<void> {
  const end = performance.now() + WAIT;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The browser context, paired with the table through the page's own pairing form. */
async function pairedContext(hash: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext(CONTEXT);
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  await page.goto(`${web.url}/${hash}`);
  await page.click('#show-code');
  await page.waitForSelector('#pair-note:has-text("on the table")');
  await page.fill('#pair-code', web.code);
  await page.click('#pair-form button[type=submit]');
  await page.waitForSelector('#pairing', { state: 'hidden' });
  return { context, page };
}

/** The colour at the centre of every LED of a live-view canvas, as 0xRRGGBB numbers. */
function ledColors(page: Page, canvas: string): Promise<number[]> {
  return page.$eval(canvas, (element) => {
    const c = element as unknown as {
      dataset: Record<string, string>;
      width: number;
      height: number;
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
    };
    const cell = Number(c.dataset.cell);
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let y = 0; y < c.height / cell; y++) {
      for (let x = 0; x < c.width / cell; x++) {
        const i = (Math.floor((y + 0.5) * cell) * c.width + Math.floor((x + 0.5) * cell)) * 4;
        out.push((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
    }
    return out;
  });
}

/** What the table shows (the output stage's frame as people see it), as 0xRRGGBB numbers. */
function seenColors(): number[] {
  return colorsOf(web.seen);
}

/** What the game drew (before brightness and the current limit). */
function tableColors(): number[] {
  return colorsOf(web.engine.frame.pixels);
}

function colorsOf(p: Uint8Array): number[] {
  return Array.from(
    { length: p.length / 3 },
    (_, i) => (p[i * 3]! << 16) | (p[i * 3 + 1]! << 8) | p[i * 3 + 2]!,
  );
}

/** Waits until the page's canvas shows exactly what the table shows now. */
async function shows(page: Page, canvas: string): Promise<number[]> {
  const end = performance.now() + WAIT;
  let colors = await ledColors(page, canvas).catch(() => []);
  while (colors.join() !== seenColors().join() && performance.now() < end) {
    await page.waitForTimeout(10);
    colors = await ledColors(page, canvas).catch(() => []);
  }
  return colors;
}

let desktop: { context: BrowserContext; page: Page };
let phone: Page;

test('the live view draws every LED in the colour the table shows', async () => {
  if (!browser) return console.log('  skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');
  desktop = await pairedContext('#table');
  web.table.play(tetris, { seed: 3 });
  await web.step(30);
  const colors = await shows(desktop.page, '#live');
  assert.is(colors.length, 300);
  assert.equal(colors, seenColors());
  assert.ok(new Set(colors).size > 3, 'a frame with several colours');
  await web.step(45); // the piece fell; the page follows
  assert.equal(await shows(desktop.page, '#live'), seenColors());
});

test('taps, keys, a held button and two fingers on the phone pad play Tetris exactly as the same buttons in the Harness', async () => {
  if (!browser) return;
  phone = await desktop.context.newPage();
  await phone.goto(`${web.url}/#pad`);
  await phone.waitForSelector('#seat:has-text("P1")');
  web.table.play(tetris, { seed: 1 });
  await web.engine.settle();
  const harness = await Harness.start(tetris, { seed: 1 });
  const script: [button: 'left' | 'a' | 'right' | 'b', ticksAfter: number][] = [
    ['left', 4],
    ['left', 4],
    ['a', 6],
    ['right', 3],
    ['b', 10],
  ];
  await web.step(5);
  await harness.step(5);
  for (const [button, ticks] of script) {
    const before = web.pads.delivered;
    await phone.locator(`[data-button="${button}"]`).tap();
    await until(`${button} down and up from the phone`, () => web.pads.delivered === before + 2);
    await web.step(ticks);
    harness.tap(button);
    await harness.step(ticks);
    assert.is(web.engine.frame.pixels.join(), harness.canvas.pixels.join(), `after ${button}`);
  }
  assert.is.not(harness.frame(), (await Harness.start(tetris, { seed: 1 }).then((h) => h.step(32))).frame());

  // The keyboard on the page: the simulator's keys (→ is right, X is B).
  for (const [key, button] of [
    ['ArrowRight', 'right'],
    ['x', 'b'],
  ] as const) {
    const before = web.pads.delivered;
    await phone.keyboard.press(key);
    await until(`${key} from the page's keyboard`, () => web.pads.delivered === before + 2);
    await web.step(5);
    harness.tap(button);
    await harness.step(5);
    assert.is(web.engine.frame.pixels.join(), harness.canvas.pixels.join(), `after the key ${key}`);
  }

  // Held: left for 20 ticks (Tetris auto-repeat moves the piece on to the wall).
  const left = (await phone.locator('[data-button="left"]').boundingBox())!;
  let before = web.pads.delivered;
  await phone.mouse.move(left.x + left.width / 2, left.y + left.height / 2);
  await phone.mouse.down();
  await until('left held', () => web.pads.delivered === before + 1);
  await web.step(20);
  await harness.hold('left', 20);
  before = web.pads.delivered;
  await phone.mouse.up();
  await until('left let go', () => web.pads.delivered === before + 1);
  await web.step(2);
  await harness.step(2);
  assert.is(web.engine.frame.pixels.join(), harness.canvas.pixels.join(), 'after holding left');

  // Two fingers at once: right and A down together, then both up.
  const right = (await phone.locator('[data-button="right"]').boundingBox())!;
  const a = (await phone.locator('[data-button="a"]').boundingBox())!;
  const centre = (box: { x: number; y: number; width: number; height: number }, id: number) => ({
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
    id,
  });
  const cdp = await phone.context().newCDPSession(phone);
  before = web.pads.delivered;
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [centre(right, 1), centre(a, 2)],
  });
  await until('two fingers down', () => web.pads.delivered === before + 2);
  await web.step(3);
  harness.press('right').press('a');
  await harness.step(3);
  before = web.pads.delivered;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await until('two fingers up', () => web.pads.delivered === before + 2);
  await web.step(3);
  harness.release('right').release('a');
  await harness.step(3);
  assert.is(web.engine.frame.pixels.join(), harness.canvas.pixels.join(), 'after two fingers');
});

test('two phones join as P1 and P2; a closing page frees its seat and pauses the game', async () => {
  if (!browser) return;
  const second = await desktop.context.newPage(); // same paired phone context, its own tab
  await second.goto(`${web.url}/#pad`);
  await second.waitForSelector('#seat:has-text("P2")');
  assert.is(await phone.textContent('#seat'), 'P1');
  assert.equal(web.pads.seated, [0, 1]);
  const color = await second.$eval(
    '#seat',
    (e) =>
      (
        globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
      ).getComputedStyle(e).backgroundColor,
  );
  assert.is(color, 'rgb(32, 96, 255)', 'P2 blue');

  web.table.play(web.table.catalog.find((g) => g.id === 'snake')!, { players: 2, seed: 1 });
  await web.step(2);
  await second.close();
  await until('P2 to leave', () => web.pads.seated.join() === '0');
  await web.step(1);
  assert.is(web.engine.top.title, 'Snake (p2 lost)');
  assert.ok(web.notices.includes('P2 LOST'), 'the table says so');
  assert.not.ok(web.engine.input.isConnected(1));

  // Another page switching to its gamepad tab takes the free seat; leaving the tab frees it.
  const other = desktop.page;
  await other.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#pad';
  });
  await other.waitForSelector('#seat:has-text("P2")');
  await web.step(1);
  assert.is(web.engine.game?.definition.id, 'snake', 'the new phone took P2 and the game goes on');
  await other.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#table';
  });
  await until('P2 to leave again', () => web.pads.seated.join() === '0');
});

test('a picture uploaded on the page appears in the list and in the viewer', async () => {
  if (!browser) return;
  const { page } = desktop;
  web.table.menu();
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  await page.setInputFiles('#upload', { name: 'holiday.png', mimeType: 'image/png', buffer: png });
  await page.waitForSelector('#pictures li img');
  await page.click('[data-game="viewer"] button');
  await until('the viewer to start', () => web.engine.game?.definition.id === 'viewer');
  for (let i = 0; i < 60 && !tableColors().every((c) => c === 0xff0000); i++) await web.step(1);
  assert.ok(
    tableColors().every((c) => c === 0xff0000),
    'the table shows the red picture',
  );
  assert.equal(await shows(page, '#live'), seenColors());
});

test("a message typed in the page's message box runs the text app with it, in the colour chosen", async () => {
  if (!browser) return;
  web.table.menu();
  const page = await desktop.context.newPage(); // phone size
  await page.goto(`${web.url}/#table`);
  await page.waitForSelector('#message-box:not([hidden])');
  await page.fill('#message-text', 'Party 🎉');
  await page.click('#message-form button[type=submit]');
  await page.waitForSelector('#message-note:has-text("cannot draw")');
  assert.is(web.engine.game, undefined, 'a refused message shows nothing');

  await page.fill('#message-text', 'hi!');
  await page.selectOption('#message-options select[name=color]', 'green');
  await page.click('#message-form button[type=submit]');
  await page.waitForSelector('#message-note:has-text("On the table now")');
  await web.step(2);
  assert.is(web.engine.game?.definition.id, 'text');
  const harness = await Harness.start(text, { params: { message: 'hi!' }, settings: { color: 'green' } });
  await harness.step(2);
  assert.is(frameToText(web.engine.frame), harness.frame());
  assert.ok(harness.frame().includes('#'), 'the message is drawn');
  assert.equal(await shows(page, '#live'), seenColors(), 'and the page shows it live');
  await page.close();
});

test("the page's settings are the table's: a slider, a switch and a select change the table's settings lines", async () => {
  if (!browser) return;
  const page = await desktop.context.newPage(); // phone size
  await page.goto(`${web.url}/#table`);
  const line = (label: string) =>
    web.table.controls!.lines!()
      .find((l) => l.label === label)!
      .value();
  const light = page.locator('[data-setting="brightness"]');
  await light.locator('output').getByText(line('LIGHT'), { exact: true }).waitFor();
  assert.is(
    await light.textContent(),
    `Brightness (%) ${line('LIGHT')}`,
    'readable title, the value as on the table',
  );

  // the brightness slider stops at the declaration's steps: 5, 10, 15, 20, 25, 30, 40 …
  await light.locator('input').fill('6');
  await until('the table at 40 %', () => web.pipeline.brightness === 40);
  assert.is(line('LIGHT'), '40');
  await light.locator('output').getByText('40', { exact: true }).waitFor();

  const idle = page.locator('[data-setting="idle"]');
  await idle.locator('input').fill('4');
  await until('IDLE 5M', () => line('IDLE') === '5M');
  assert.is(await idle.locator('output').textContent(), '5M', 'shown as the table shows it');

  await page.click('[data-setting="music"] input[role=switch]');
  await until('MUSIC OFF', () => line('MUSIC') === 'OFF');
  assert.is(web.sound.music, false, 'the music hook ran');

  await page.selectOption('[data-setting="idleShow"] select', { label: 'clock' });
  await until('SHOW CLOCK', () => line('SHOW') === 'CLOCK');
  assert.is(web.idleShow, 'clock', 'the idle show hook ran');
  await page.close();
});

test.run();
