/**
 * A life-like rule in B/S notation: `birth` and `survive` are bit masks over neighbour counts
 * (bit n set = n live neighbours of the 8 cause a birth / let a cell survive).
 */
export interface Rule {
  readonly birth: number;
  readonly survive: number;
  /** Canonical text, e.g. "B3/S23". */
  readonly text: string;
}

const B_FIRST = /^B([0-8]*)\/?S([0-8]*)$/;
const S_FIRST = /^S([0-8]*)\/?B([0-8]*)$/;
const LEGACY = /^([0-8]*)\/([0-8]*)$/; // survive/birth, as in "23/3"

function mask(digits: string): number {
  let bits = 0;
  for (const digit of digits) bits |= 1 << Number(digit);
  return bits;
}

function digits(bits: number): string {
  let text = '';
  for (let n = 0; n <= 8; n++) if (bits & (1 << n)) text += String(n);
  return text;
}

/**
 * Parses "B3/S23", "b36/s23", "B3S23", "S23/B3" or the legacy "23/3" (survive/birth).
 * Digits are neighbour counts 0..8 in any order; either part may be empty ("B2/S" is Seeds).
 */
export function parseRule(text: string): Rule {
  const clean = text.replace(/\s+/g, '').toUpperCase();
  const bFirst = B_FIRST.exec(clean);
  const sFirst = S_FIRST.exec(clean);
  const legacy = LEGACY.exec(clean);
  const birth = bFirst?.[1] ?? sFirst?.[2] ?? legacy?.[2];
  const survive = bFirst?.[2] ?? sFirst?.[1] ?? legacy?.[1];
  if (birth === undefined || survive === undefined) {
    throw new RangeError(
      `life rule "${text}" is not in B/S notation: write the neighbour counts (0..8) that give a birth after B and those that let a cell survive after S, e.g. "B3/S23" (Conway) or "B36/S23" (HighLife)`,
    );
  }
  const b = mask(birth);
  const s = mask(survive);
  return { birth: b, survive: s, text: `B${digits(b)}/S${digits(s)}` };
}
