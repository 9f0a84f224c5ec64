import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import {
  nearest256,
  paletteColor,
  restoreTerminalSequence,
  TerminalDriver,
} from '../../src/output/terminal-driver.ts';
import { FakeTerminal } from './fake-terminal.ts';

const size = { width: 20, height: 15 };

/** A deterministic generator for test pictures (no Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 8;
  };
}

async function setup(
  options: {
    scale?: number;
    colors?: 'truecolor' | '256';
    cols?: number;
    rows?: number;
    l?: { width: number; height: number };
  } = {},
) {
  const term = new FakeTerminal(options.cols ?? 80, options.rows ?? 24);
  const l = options.l ?? size;
  const driver = new TerminalDriver({
    stream: term,
    width: l.width,
    height: l.height,
    scale: options.scale ?? 1,
    colors: options.colors ?? 'truecolor',
  });
  await driver.open();
  const canvas = new Canvas(l.width, l.height);
  const show = () => driver.show(canvas.pixels);
  return { term, driver, canvas, show };
}

/** Reads the picture back from the emulated screen, given where it should be. */
function readBack(term: FakeTerminal, width: number, height: number, scale: number): number[] {
  const picRows = Math.ceil((height * scale) / 2);
  const left = Math.floor((term.columns - width * scale) / 2);
  const top = Math.floor((term.rows - picRows - 1) / 2);
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // every terminal half-cell of the pixel must hold the same colour
      const first = term.halfAt(left + x * scale, 2 * top + y * scale);
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          assert.is(
            term.halfAt(left + x * scale + dx, 2 * top + y * scale + dy),
            first,
            `pixel ${x},${y} part ${dx},${dy}`,
          );
        }
      out.push(first);
    }
  }
  return out;
}

/** The output with ESC shown as '~', so regexes need no control characters. */
function vis(s: string): string {
  return s.replaceAll('\x1b', '~');
}

function canvasColors(canvas: Canvas): number[] {
  const out: number[] = [];
  for (let y = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++) out.push(canvas.get(x, y));
  return out;
}

function randomize(canvas: Canvas, next: () => number, palette?: number[]): void {
  for (let y = 0; y < canvas.height; y++)
    for (let x = 0; x < canvas.width; x++) {
      canvas.set(x, y, palette ? palette[next() % palette.length]! : next() & 0xffffff);
    }
}

test('open enters the alternate screen, hides the cursor and clears', async () => {
  const { term } = await setup();
  assert.is(term.writes.length, 1);
  assert.ok(term.altScreen);
  assert.not.ok(term.cursorVisible);
  assert.ok(term.writes[0]!.includes('\x1b[2J'));
});

test('truecolour round trip: the screen shows the frame it was given, row by row', async () => {
  for (const l of [size, { width: 15, height: 20 }]) {
    const { term, canvas, show } = await setup({ l });
    randomize(canvas, lcg(1));
    show();
    assert.equal(readBack(term, l.width, l.height, 1), canvasColors(canvas));
  }
});

test('round trip at scale 2 and 3, and through many partial updates', async () => {
  for (const scale of [2, 3]) {
    const { term, canvas, show } = await setup({ scale, cols: 100, rows: 40 });
    const next = lcg(scale);
    const palette = [0x000000, 0xff0000, 0x00ff00, 0x0000ff, 0xffffff];
    randomize(canvas, next, palette);
    show();
    assert.equal(readBack(term, 20, 15, scale), canvasColors(canvas));
    for (let frame = 0; frame < 30; frame++) {
      for (let k = 0; k < 12; k++) canvas.set(next() % 20, next() % 15, palette[next() % palette.length]!);
      show();
      assert.equal(readBack(term, 20, 15, scale), canvasColors(canvas), `frame ${frame}`);
    }
  }
});

test('a static frame re-sent writes nothing', async () => {
  const { term, driver, canvas, show } = await setup();
  randomize(canvas, lcg(2));
  show();
  const writes = term.writes.length;
  show();
  assert.is(driver.bytesLastFrame, 0);
  assert.is(term.writes.length, writes);
});

test('a single changed pixel writes a short update, in one write', async () => {
  const { term, driver, canvas, show } = await setup();
  canvas.clear(0x102030);
  show();
  const writes = term.writes.length;
  canvas.set(7, 4, 0xff8000);
  show();
  assert.is(term.writes.length, writes + 1);
  const out = term.writes.at(-1)!;
  assert.ok(driver.bytesLastFrame < 60, `${driver.bytesLastFrame} bytes: ${JSON.stringify(out)}`);
  assert.is(out.match(/H/g)?.length, 1, 'one cursor move');
  assert.equal(readBack(term, 20, 15, 1), canvasColors(canvas));
});

test('a full-change frame writes every cell once, with one cursor move per row', async () => {
  const { term, driver, canvas, show } = await setup();
  const next = lcg(3);
  randomize(canvas, next);
  show();
  randomize(canvas, next);
  show();
  const out = term.writes.at(-1)!;
  const glyphs = vis(out).replace(/~\[[0-9;?]*[A-Za-z]/g, '');
  assert.is(glyphs.length, 20 * 8); // 20 columns × 8 text rows (15 half-rows rounded up)
  assert.is(vis(out).match(/~\[\d+;\d+H/g)?.length, 8);
  assert.is(driver.bytesLastFrame, Buffer.byteLength(out));
  assert.equal(readBack(term, 20, 15, 1), canvasColors(canvas));
});

test('runs of the same colour do not repeat colour codes', async () => {
  const { term, canvas, show } = await setup();
  canvas.clear(0x00ff00);
  show();
  const out = term.writes.at(-1)!;
  // one SGR for the whole screen, plus one for the half-empty bottom row (default background)
  assert.ok((out.match(/m/g)?.length ?? 0) <= 4, JSON.stringify(out));
});

test('256-colour mode emits palette codes and the nearest colours', async () => {
  const { term, canvas, show } = await setup({ colors: '256' });
  randomize(canvas, lcg(4));
  show();
  const out = term.writes.at(-1)!;
  assert.ok(out.includes('38;5;') && out.includes('48;5;'));
  assert.not.ok(out.includes('38;2;') || out.includes('48;2;'));
  const expected = canvasColors(canvas).map((c) =>
    paletteColor(nearest256(c >> 16, (c >> 8) & 255, c & 255)),
  );
  assert.equal(readBack(term, 20, 15, 1), expected);
});

test('nearest256 picks exact cube and grey entries', () => {
  assert.is(nearest256(0, 0, 0), 16);
  assert.is(nearest256(255, 255, 255), 231);
  assert.is(nearest256(255, 0, 0), 196);
  assert.is(nearest256(128, 128, 128), 244);
  assert.is(paletteColor(196), 0xff0000);
  for (let i = 16; i < 256; i++) {
    const c = paletteColor(i);
    assert.is(paletteColor(nearest256(c >> 16, (c >> 8) & 255, c & 255)), c);
  }
});

test("colors 'auto' follows COLORTERM", () => {
  const make = (env: NodeJS.ProcessEnv) =>
    new TerminalDriver({ stream: new FakeTerminal(), ...size, scale: 1, colors: 'auto', env }).colorMode;
  assert.is(make({ COLORTERM: 'truecolor' }), 'truecolor');
  assert.is(make({ COLORTERM: '24bit' }), 'truecolor');
  assert.is(make({}), '256');
  assert.is(make({ COLORTERM: 'yes' }), '256');
});

test('close draws black and restores the terminal; twice is safe', async () => {
  const { term, driver, canvas, show } = await setup();
  canvas.clear(0xffffff);
  show();
  await driver.close();
  const out = term.writes.at(-1)!;
  assert.ok(out.endsWith(restoreTerminalSequence()));
  assert.ok(out.includes('\x1b[?25h') && out.includes('\x1b[?1049l') && out.includes('\x1b[0m'));
  assert.ok(term.cursorVisible);
  assert.not.ok(term.altScreen);
  assert.ok(readBack(term, 20, 15, 1).every((c) => c === 0));
  assert.is(term.listenerCount, 0);
  const writes = term.writes.length;
  await driver.close();
  assert.is(term.writes.length, writes);
  assert.throws(() => driver.show(new Uint8Array(900)), /closed: call open\(\) first/);
});

test('resize clears and repaints everything at the new centre', async () => {
  const { term, canvas, show } = await setup({ scale: 0, cols: 80, rows: 24 });
  randomize(canvas, lcg(5));
  show();
  assert.equal(readBack(term, 20, 15, 3), canvasColors(canvas)); // 80×24 fits scale 3
  const writes = term.writes.length;
  term.resize(45, 20); // scale 2 fits: 40 columns, 15 rows + status
  assert.is(term.writes.length, writes + 1);
  assert.ok(term.writes.at(-1)!.startsWith('\x1b[0m\x1b[2J'));
  assert.equal(readBack(term, 20, 15, 2), canvasColors(canvas));
  show(); // nothing changed since the repaint
  assert.is(term.writes.length, writes + 1);
});

test('a size change noticed at show repaints even without a resize event', async () => {
  const { term, canvas, show } = await setup({ scale: 1 });
  randomize(canvas, lcg(6));
  show();
  term.columns = 60;
  show();
  assert.ok(term.writes.at(-1)!.includes('\x1b[2J'));
  assert.equal(readBack(term, 20, 15, 1), canvasColors(canvas));
});

test('the status line sits under the table, centred and truncated to the width', async () => {
  const { term, driver, canvas, show } = await setup({ cols: 30, rows: 12 });
  driver.setStatus('score 12');
  show();
  // picture: 8 rows from top = floor((12 - 9) / 2) = 1, so the status is on row 9 (0-based)
  assert.is(term.line(9).trim(), 'score 12');
  assert.is(term.line(9).indexOf('s'), 11);
  driver.setStatus(`a very long status line that does not fit\x1b[31m`);
  canvas.set(0, 0, 0xffffff);
  show();
  assert.is(term.line(9), 'a very long status line that d');
  const before = term.writes.length;
  driver.setStatus('a very long status line that does not fit\x1b[31m'); // unchanged: no write
  show();
  assert.is(term.writes.length, before);
});

test('the picture is clipped, not wrapped, on a terminal that is too small', async () => {
  const { term, canvas, show } = await setup({ scale: 2, cols: 30, rows: 10 });
  randomize(canvas, lcg(7));
  show();
  for (const w of term.writes) {
    for (const m of vis(w).matchAll(/~\[(\d+);(\d+)H/g))
      assert.ok(Number(m[1]) <= 10 && Number(m[2]) <= 30, m[0]);
  }
  assert.is(term.halfAt(29, 0), canvas.get(14, 0)); // the last visible column shows pixel 14
  assert.is(term.halfAt(0, 19), canvas.get(0, 9)); // the last visible row shows pixel row 9
});

test('open refuses a stream that is not a terminal, with a hint', async () => {
  const term = new FakeTerminal();
  term.isTTY = false;
  const driver = new TerminalDriver({ stream: term, ...size, scale: 0, colors: '256' });
  try {
    await driver.open();
    assert.unreachable('open should throw');
  } catch (e) {
    assert.match((e as Error).message, /not a TTY.*--output null/);
  }
  assert.throws(
    () => new TerminalDriver({ stream: term, ...size, scale: 1.5, colors: '256' }),
    /integer ≥ 0/,
  );
});

test.run();
