import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JsonFile } from '../config/json-store.ts';

/** How long a code shown on the table stays valid (ms). */
export const CODE_LIFETIME_MS = 120_000;
/** Wrong guesses allowed per code; the next wrong one retires it (a new code must be shown). */
export const CODE_GUESSES = 5;
/** Pairing requests (show or try a code) allowed per client address per minute. */
export const ATTEMPTS_PER_MINUTE = 10;
/** Paired phones kept (oldest forgotten first). */
const MAX_TOKENS = 64;

export type PairResult =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly status: 403 | 429; readonly reason: string };

/**
 * Pairing a phone with the table: the table shows a short code (4 digits), the phone sends it
 * once and receives a random token for a cookie. A code is single-use, expires after two
 * minutes and dies after 5 wrong guesses, so guessing has at most a 1-in-2000 chance per code
 * shown; each client address may make 10 pairing requests a minute. Tokens are stored only as
 * SHA-256 hashes (`<data dir>/web-tokens.json`), so the file cannot be used to log in.
 */
export class Pairing {
  private code: { value: string; expires: number; guesses: number } | undefined;
  private readonly attempts = new Map<string, number[]>();
  private readonly tokens: JsonFile<{ hashes: string[] }>;
  private hashes: string[];

  constructor(
    tokenFile: string,
    report: (message: string) => void,
    /** Milliseconds, monotonic (tests pass a manual one). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = new JsonFile(
      tokenFile,
      () => ({ hashes: [] }),
      report,
      (v) =>
        typeof v === 'object' && v !== null && Array.isArray((v as { hashes?: unknown }).hashes)
          ? undefined
          : 'expected {"hashes": [...]}',
    );
    this.hashes = this.tokens.read().hashes.filter((h): h is string => typeof h === 'string');
  }

  /** Counts a pairing request from `client`; false when it is over the per-minute limit. */
  allow(client: string): boolean {
    const now = this.now();
    const recent = (this.attempts.get(client) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= ATTEMPTS_PER_MINUTE) {
      this.attempts.set(client, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(client, recent);
    if (this.attempts.size > 1000) this.attempts.clear(); // bounded memory against address floods
    return true;
  }

  /** A fresh code to show on the table (replacing any earlier one). */
  newCode(): string {
    const value = String(randomInt(0, 10_000)).padStart(4, '0');
    this.code = { value, expires: this.now() + CODE_LIFETIME_MS, guesses: 0 };
    return value;
  }

  /** True while a code is valid (shown on the table). */
  get showing(): boolean {
    return this.code !== undefined && this.now() <= this.code.expires;
  }

  /** Trades the code for a token; the code is used up by a success or by 5 wrong guesses. */
  pair(guess: string): PairResult {
    const code = this.code;
    if (!code || this.now() > code.expires) {
      this.code = undefined;
      return { ok: false, status: 403, reason: 'no code is showing on the table; ask for a new one' };
    }
    if (!sameText(guess, code.value)) {
      code.guesses++;
      if (code.guesses >= CODE_GUESSES) this.code = undefined;
      return { ok: false, status: 403, reason: 'wrong code' };
    }
    this.code = undefined;
    const token = randomBytes(24).toString('base64url');
    this.hashes = [...this.hashes, hash(token)].slice(-MAX_TOKENS);
    this.tokens.write({ hashes: this.hashes });
    return { ok: true, token };
  }

  /** True for a token this table handed out. */
  valid(token: string | undefined): boolean {
    if (!token || token.length > 100) return false;
    const wanted = hash(token);
    return this.hashes.some((h) => sameText(h, wanted));
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
