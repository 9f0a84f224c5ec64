import { FONT_3X5, FONT_5X7 } from '../gfx/font.ts';
import { MAX_MESSAGE_CHARS } from './protocol.ts';

export type CleanedMessage =
  | {
      readonly ok: true;
      /** The message as the table will draw it (trimmed, replacements made). */
      readonly text: string;
      /** What was replaced, for the page: '“ → "', 'é → e' (each once, in order of appearance). */
      readonly replaced: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/** Characters the fonts lack, written with ones they have (before accents are stripped). */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '`': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '•': '*',
  '·': '.',
  '×': 'x',
  '€': 'EUR',
  '£': 'GBP',
  ß: 'SS',
  ẞ: 'SS',
  æ: 'AE',
  Æ: 'AE',
  œ: 'OE',
  Œ: 'OE',
  ø: 'O',
  Ø: 'O',
  ł: 'L',
  Ł: 'L',
  đ: 'D',
  Đ: 'D',
  ı: 'I',
};

/** True when both fonts of the text app (5 × 7 and 3 × 5) draw `ch` (lower case maps to upper). */
function drawable(ch: string): boolean {
  return FONT_5X7.glyph(ch) !== undefined && FONT_3X5.glyph(ch) !== undefined;
}

/** A character for an error message: itself when visible, else its code point (U+200B). */
function shown(ch: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)
    ? `"${ch}"`
    : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks and cleans a message for the table's text app. Whitespace (tabs, line breaks, no-break
 * spaces) becomes a space and the ends are trimmed; typographic quotes, dashes, the ellipsis,
 * ß, æ, œ, ø and a few symbols become the plain characters the fonts have (REPLACEMENTS); accents
 * are dropped (é → e, Ü → U). Lower case stays lower case (the table draws it as upper case).
 * Refused, with a reason for the owner: anything but a string, an empty message, more than
 * MAX_MESSAGE_CHARS characters (after cleaning), and characters the fonts still cannot draw
 * (emoji, other scripts, control characters), which are named in the reason.
 */
export function cleanMessage(raw: unknown): CleanedMessage {
  if (typeof raw !== 'string') return { ok: false, reason: 'the message must be text ("text": "…")' };
  // A cheap bound first: no cleaning of a huge string (the body limit keeps it under 4 KB anyway).
  if (raw.length > MAX_MESSAGE_CHARS * 4) return tooLong([...raw].length);
  const replaced: string[] = [];
  const note = (from: string, to: string) => {
    const entry = `${from} → ${to}`;
    if (!replaced.includes(entry)) replaced.push(entry);
  };
  const missing: string[] = [];
  let text = '';
  for (const ch of raw) {
    if (/^\s$/u.test(ch)) {
      text += ' ';
      continue;
    }
    if (drawable(ch)) {
      text += ch;
      continue;
    }
    const plain = REPLACEMENTS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain !== '' && plain !== ch && [...plain].every(drawable)) {
      note(ch, plain);
      text += plain;
      continue;
    }
    if (!missing.includes(ch)) missing.push(ch);
  }
  if (missing.length > 0) {
    const list = missing.slice(0, 8).map(shown).join(', ') + (missing.length > 8 ? ', …' : '');
    return {
      ok: false,
      reason: `the table cannot draw ${list}; it has letters A-Z, digits, space and . , : ; ! ? ' " - + = / \\ ( ) [ ] < > % # * _ & @ $ ^ | ← → ↑ ↓`,
    };
  }
  text = text.trim();
  if (text === '') return { ok: false, reason: 'type a message first' };
  const length = [...text].length;
  if (length > MAX_MESSAGE_CHARS) return tooLong(length);
  return { ok: true, text, replaced };
}

function tooLong(length: number): CleanedMessage {
  return {
    ok: false,
    reason: `the message is too long: ${length} characters, ${MAX_MESSAGE_CHARS} at most`,
  };
}
