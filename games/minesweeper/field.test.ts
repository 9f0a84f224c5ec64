import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { CLOSED, FLAGGED, MineField, OPEN } from './field.ts';

/** '*' mine, anything else no mine; returns a field with those mines placed. */
function fieldFrom(rows: readonly string[]): MineField {
  const width = rows[0]!.length;
  const mines: number[] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) if (row[x] === '*') mines.push(y * width + x);
  });
  const field = new MineField(width, rows.length, mines.length);
  field.setMines(mines);
  return field;
}

/** '#' closed, 'F' flagged, '0'..'8' open counts, 'X' an open mine. */
function show(field: MineField): string {
  const lines: string[] = [];
  for (let y = 0; y < field.height; y++) {
    let line = '';
    for (let x = 0; x < field.width; x++) {
      const cell = y * field.width + x;
      const s = field.state[cell];
      line +=
        s === CLOSED ? '#' : s === FLAGGED ? 'F' : field.mine[cell] === 1 ? 'X' : String(field.count[cell]);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

test('first open is safe: no mine on the cell or its neighbours, and an area opens (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 4, max: 24 }),
      fc.integer({ min: 4, max: 16 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.nat(),
      (seed, width, height, density, at) => {
        const cells = width * height;
        const mines = 1 + Math.floor(density * (cells - 10));
        const field = new MineField(width, height, mines);
        const first = at % cells;
        assert.is(field.open(first, new Random(seed)), 'opened');
        let placed = 0;
        for (let cell = 0; cell < cells; cell++) {
          placed += field.mine[cell]!;
          if (field.near(cell, first)) {
            assert.is(field.mine[cell], 0, `mine next to the first click at ${cell}`);
            assert.is(field.state[cell], OPEN, `neighbour ${cell} of the first click stays closed`);
          }
        }
        assert.is(placed, mines);
        assert.is(field.count[first], 0);
        assert.ok(field.opened >= 4, 'an area opens (a corner has 3 neighbours)');
      },
    ),
    { numRuns: 500 },
  );
});

test('flood fill opens the empty area and its numbered border, and stops there', () => {
  const field = fieldFrom(['......', '......', '....*.', '......', '*.....']);
  assert.is(field.open(0), 'opened');
  assert.is(show(field), ['000000', '000111', '0001##', '110111', '#10000'].join('\n'));
  assert.is(field.opened, 27);
});

test('flood fill leaves flagged cells closed', () => {
  const field = fieldFrom(['.....', '.....', '....*']);
  field.toggleFlag(2);
  field.open(0);
  assert.is(show(field), ['00F00', '00011', '0001#'].join('\n'));
});

test('flood fill over a large empty board is iterative (no stack overflow)', () => {
  const field = new MineField(400, 400, 1);
  field.setMines([400 * 400 - 1]);
  field.open(0);
  assert.is(field.opened, 400 * 400 - 1);
  assert.ok(field.won);
});

test('chording opens unflagged neighbours when the flags match the number', () => {
  const field = fieldFrom(['*..*', '....', '....', '*..*']);
  field.open(5); // (1, 1): count 1, opens alone
  assert.is(show(field), ['####', '#1##', '####', '####'].join('\n'));
  field.toggleFlag(0);
  assert.is(field.chord(5), 'opened');
  assert.is(show(field), ['F11#', '111#', '111#', '####'].join('\n'));
});

test('no chording when the flags do not match the number', () => {
  const field = fieldFrom(['*..*', '....', '....', '*..*']);
  field.open(5);
  assert.is(field.chord(5), 'none');
  field.toggleFlag(0);
  field.toggleFlag(1);
  assert.is(field.chord(5), 'none');
  assert.is(show(field), ['FF##', '#1##', '####', '####'].join('\n'));
});

test('chording with a wrong flag sets off the mine', () => {
  const field = fieldFrom(['*..*', '....', '....', '*..*']);
  field.open(5);
  field.toggleFlag(1);
  assert.is(field.chord(5), 'boom');
  assert.ok(field.lost);
  assert.is(field.exploded, 0);
});

test('win when every safe cell is open (flags not needed); loss on a mine', () => {
  const field = fieldFrom(['*...', '....', '...*']);
  field.open(1);
  field.open(10);
  assert.not.ok(field.won);
  assert.is(show(field), ['#1##', '####', '##1#'].join('\n'));
  field.open(3); // empty: opens its own area only
  assert.is(show(field), ['#100', '#111', '##1#'].join('\n'));
  assert.not.ok(field.won);
  field.open(8);
  assert.ok(field.won);
  assert.not.ok(field.lost);
  assert.is(field.open(0), 'none', 'a won game ignores moves');

  const lost = fieldFrom(['*...', '....', '...*']);
  assert.is(lost.open(11), 'boom');
  assert.ok(lost.lost);
  assert.not.ok(lost.won);
});

test('flags count down the mines left and only go on closed cells', () => {
  const field = fieldFrom(['*...', '....', '...*']);
  field.open(1);
  assert.not.ok(field.toggleFlag(1), 'an open cell takes no flag');
  assert.ok(field.toggleFlag(0));
  assert.ok(field.toggleFlag(2));
  assert.ok(field.toggleFlag(3));
  assert.is(field.minesLeft, -1);
  assert.ok(field.toggleFlag(3));
  assert.is(field.minesLeft, 0);
});

test('a mine count that leaves no safe first click is refused with the allowed range', () => {
  assert.throws(() => new MineField(4, 4, 8), /use 1\.\.7/);
});

test.run();
