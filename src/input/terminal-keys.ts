import { emitKeypressEvents } from 'node:readline';
import type { ButtonEvent, InputSource } from './buttons.ts';
import { DEFAULT_KEYMAP, type KeyBinding } from './keymap.ts';

/** The parts of process.stdin this source uses (a fake in tests). */
export interface KeyStream {
  readonly isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: Node's stream listener signature
  on(event: 'data' | 'keypress', listener: (...args: any[]) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: Node's stream listener signature
  off(event: 'data' | 'keypress', listener: (...args: any[]) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TerminalKeysOptions {
  readonly stdin: KeyStream;
  /** Where protocol queries go (the terminal). */
  readonly stdout: { write(text: string): unknown };
  readonly keymap?: Readonly<Record<string, KeyBinding>>;
  /** Ctrl-C (raw mode turns off the terminal's own SIGINT). */
  readonly onInterrupt: () => void;
  /** Keys that are not bound to a button (for extra commands such as a screenshot key). */
  readonly onKey?: (name: string) => void;
  /** ms a first press is held when no auto-repeat follows (default 120). */
  readonly tapMs?: number;
  /** ms after the last auto-repeat before a held key counts as released (default 100). */
  readonly releaseMs?: number;
  /**
   * Events of one key closer together than this are the terminal's auto-repeat (typically every
   * 30–40 ms); further apart, each is a new tap (default 75).
   */
  readonly repeatGapMs?: number;
  /** ms to wait for the terminal to answer the kitty keyboard query (default 150). */
  readonly probeMs?: number;
  readonly timers?: Timers;
  /** Monotonic ms; default performance.now. */
  readonly now?: () => number;
}

const KITTY_QUERY = '\x1b[?u\x1b[c'; // kitty flags query, then Primary Device Attributes as a sentinel
const KITTY_PUSH = '\x1b[>11u'; // disambiguate + event types + all keys as escape codes
const KITTY_POP = '\x1b[<u';
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC
const KITTY_KEY = /\x1b\[(\d+)(?::\d*)*(?:;(\d+)(?::(\d))?)?([u~ABCDHF])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC
const KITTY_ANSWER = /\x1b\[\?\d*u/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC
const DEVICE_ATTRIBUTES = /\x1b\[\?[\d;]*c/;
const KITTY_NAMES: Readonly<Record<number, string>> = {
  9: 'tab',
  13: 'return',
  27: 'escape',
  32: 'space',
  127: 'backspace',
};
const ARROWS: Readonly<Record<string, string>> = { A: 'up', B: 'down', C: 'right', D: 'left' };

interface HeldKey {
  timer: unknown;
}

/**
 * Keyboard input from a terminal in raw mode. Terminals normally send no key-up, so a key is
 * held for `tapMs` after its first press and, once the terminal's auto-repeat starts, until no
 * repeat came for `releaseMs` (between the two, a held key reads as released). Events closer
 * than `repeatGapMs` are auto-repeat; further apart, each one is a new tap. Terminals that
 * speak the kitty keyboard protocol report real presses and releases, which this uses when the
 * terminal answers the query.
 */
export class TerminalKeys implements InputSource {
  private readonly options: TerminalKeysOptions;
  private readonly keymap: Readonly<Record<string, KeyBinding>>;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly held = new Map<string, HeldKey>();
  /** Time of the last event per key (ms), kept after release to recognise auto-repeat. */
  private readonly lastEvent = new Map<string, number>();
  private emit: ((event: ButtonEvent) => void) | undefined;
  private kitty = false;
  private started = false;

  constructor(options: TerminalKeysOptions) {
    this.options = options;
    this.keymap = options.keymap ?? DEFAULT_KEYMAP;
    this.now = options.now ?? (() => performance.now());
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    };
  }

  /** 'kitty' when the terminal reports real key releases, else 'repeat'. */
  get mode(): 'kitty' | 'repeat' {
    return this.kitty ? 'kitty' : 'repeat';
  }

  async start(emit: (event: ButtonEvent) => void): Promise<void> {
    const { stdin } = this.options;
    if (!stdin.isTTY || !stdin.setRawMode) {
      throw new Error(
        'keyboard input needs a terminal: run ledtable in a terminal, or use --headless with --inputs FILE',
      );
    }
    this.emit = emit;
    stdin.setRawMode(true);
    stdin.resume();
    this.started = true;
    this.kitty = await this.probeKitty();
    if (this.kitty) {
      this.options.stdout.write(KITTY_PUSH);
      stdin.on('data', this.onKittyData);
    } else {
      emitKeypressEvents(stdin as unknown as NodeJS.ReadStream);
      stdin.on('keypress', this.onKeypress);
    }
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    const { stdin } = this.options;
    stdin.off('data', this.onKittyData);
    stdin.off('keypress', this.onKeypress);
    if (this.kitty) this.options.stdout.write(KITTY_POP);
    for (const key of [...this.held.keys()]) this.release(key);
    stdin.setRawMode?.(false);
    stdin.pause();
  }

  /** Asks the terminal whether it speaks the kitty protocol; the DA answer ends the wait. */
  private probeKitty(): Promise<boolean> {
    const { stdin, stdout } = this.options;
    return new Promise((resolve) => {
      let answer = '';
      const finish = (supported: boolean) => {
        this.timers.clearTimeout(timer);
        stdin.off('data', onData);
        resolve(supported);
      };
      const onData = (chunk: Buffer | string) => {
        answer += chunk.toString();
        if (KITTY_ANSWER.test(answer)) finish(true);
        else if (DEVICE_ATTRIBUTES.test(answer)) finish(false);
      };
      const timer = this.timers.setTimeout(() => finish(false), this.options.probeMs ?? 150);
      stdin.on('data', onData);
      stdout.write(KITTY_QUERY);
    });
  }

  private readonly onKeypress = (
    _text: string | undefined,
    key: { name?: string; ctrl?: boolean; sequence?: string },
  ) => {
    if (!key) return;
    if (key.ctrl && key.name === 'c') {
      this.options.onInterrupt();
      return;
    }
    const name = key.name ?? key.sequence ?? '';
    if (!this.keymap[name]) {
      this.options.onKey?.(name);
      return;
    }
    this.repeatHeld(name);
  };

  private readonly onKittyData = (chunk: Buffer | string) => {
    for (const match of chunk.toString().matchAll(KITTY_KEY)) {
      const [, codeText, modsText, eventText, final] = match;
      const code = Number(codeText);
      const ctrl = ((Number(modsText ?? '1') - 1) & 4) !== 0;
      const event = Number(eventText ?? '1'); // 1 press, 2 repeat, 3 release
      const name =
        final === 'u'
          ? (KITTY_NAMES[code] ?? String.fromCodePoint(code).toLowerCase())
          : (ARROWS[final ?? ''] ?? '');
      if (ctrl && name === 'c') {
        if (event === 1) this.options.onInterrupt();
        continue;
      }
      const binding = this.keymap[name];
      if (!binding) {
        if (event === 1) this.options.onKey?.(name);
        continue;
      }
      if (event === 3) {
        if (this.held.delete(name)) this.emit?.({ ...binding, down: false });
      } else if (!this.held.has(name)) {
        this.held.set(name, { timer: undefined });
        this.emit?.({ ...binding, down: true });
      }
    }
  };

  /** Legacy terminals: auto-repeat keeps `name` held a while longer; a slower event is a new tap. */
  private repeatHeld(name: string): void {
    const binding = this.keymap[name]!;
    const now = this.now();
    const gap = now - (this.lastEvent.get(name) ?? Number.NEGATIVE_INFINITY);
    this.lastEvent.set(name, now);
    const repeating = gap < (this.options.repeatGapMs ?? 75);
    if (this.held.has(name) && !repeating) this.release(name);
    const held = this.held.get(name);
    if (held) this.timers.clearTimeout(held.timer);
    else this.emit?.({ ...binding, down: true });
    const wait = repeating ? (this.options.releaseMs ?? 100) : (this.options.tapMs ?? 120);
    this.held.set(name, { timer: this.timers.setTimeout(() => this.release(name), wait) });
  }

  private release(name: string): void {
    const held = this.held.get(name);
    if (!held) return;
    this.timers.clearTimeout(held.timer);
    this.held.delete(name);
    const binding = this.keymap[name];
    if (binding) this.emit?.({ ...binding, down: false });
  }
}
