import { type ChildProcess, spawn } from 'node:child_process';
import { emptyStats, type PcmSink } from './pcm-sink.ts';

/** The Debian package of each player, for the "not found" line. */
const PACKAGE: Readonly<Record<string, string>> = {
  aplay: 'alsa-utils',
  pacat: 'pulseaudio-utils',
  'pw-play': 'pipewire-bin',
  play: 'sox',
  sox: 'sox',
};

function isSilent(samples: Int16Array): boolean {
  for (let i = 0; i < samples.length; i++) if (samples[i] !== 0) return false;
  return true;
}

/** A command that plays raw 16-bit little-endian mono PCM from its stdin. */
export interface PlayerSpec {
  /** For log lines: "aplay (ALSA)". */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** aplay (alsa-utils): the device buffer is `bufferMs`, playback starts once half of it is queued. */
export function alsaPlayer(rate: number, bufferMs: number, device?: string): PlayerSpec {
  const us = bufferMs * 1000;
  return {
    label: 'aplay (ALSA)',
    command: 'aplay',
    args: [
      '-q',
      '-t',
      'raw',
      '-f',
      'S16_LE',
      '-c',
      '1',
      '-r',
      String(rate),
      `--buffer-time=${us}`,
      `--period-time=${Math.round(us / 4)}`,
      `--start-delay=${Math.round(us / 2)}`,
      ...(device ? ['-D', device] : []),
      '-',
    ],
  };
}

/** pacat (pulseaudio-utils): PulseAudio, and PipeWire through pipewire-pulse. */
export function pulsePlayer(rate: number, bufferMs: number): PlayerSpec {
  return {
    label: 'pacat (PulseAudio)',
    command: 'pacat',
    args: [
      '--playback',
      '--raw',
      '--format=s16le',
      '--channels=1',
      `--rate=${rate}`,
      `--latency-msec=${bufferMs}`,
      '--client-name=ledtable',
      '--stream-name=ledtable',
    ],
  };
}

/** pw-play (pipewire-bin): raw PCM on stdin with `-`. */
export function pipewirePlayer(rate: number, bufferMs: number): PlayerSpec {
  return {
    label: 'pw-play (PipeWire)',
    command: 'pw-play',
    args: ['--format=s16', '--channels=1', `--rate=${rate}`, `--latency=${bufferMs}ms`, '-'],
  };
}

/**
 * sox's `play` (macOS with Homebrew sox, or any Linux): raw PCM on stdin to the default device.
 * With `file`, `sox` writes what it read to that file instead (tests check the format with it).
 */
export function soxPlayer(rate: number, bufferMs: number, file?: string): PlayerSpec {
  const buffer = Math.max(256, Math.round((rate * 2 * bufferMs) / 4000));
  const input = [
    '-q',
    '--buffer',
    String(buffer),
    '-t',
    'raw',
    '-r',
    String(rate),
    '-e',
    'signed',
    '-b',
    '16',
    '-c',
    '1',
    '-',
  ];
  return file === undefined
    ? { label: 'play (sox)', command: 'play', args: input }
    : { label: 'sox', command: 'sox', args: [...input, file] };
}

export interface PlayerSinkOptions {
  readonly player: PlayerSpec;
  readonly rate: number;
  readonly fps: number;
  /** The player's buffer in ms; half of it is kept queued ahead of the speaker. */
  readonly bufferMs: number;
  readonly log: (line: string) => void;
  /** Milliseconds on a monotonic clock (tests pass a manual one). */
  readonly now?: () => number;
  /** Restarts after the player died before giving up for the rest of the run. Default 5. */
  readonly maxRestarts?: number;
  /**
   * `--audio auto`: a player that fails before it ever played means "no sound here": one line,
   * silence, no retries.
   */
  readonly quietFallback?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** Samples of the fade-in after an underrun or a restart (about 3 ms at 22,050 Hz). */
const RAMP = 64;
/** Reused chunk buffers: more than the pipe could hold before we start dropping. */
const RING = 16;
/**
 * Seconds of silence after which nothing more is written until sound comes back (the menu, a
 * pause): the player's queue drains, so drift between the system clock that paces the ticks and
 * the sound card's own clock (up to ~0.2 s an hour at 50 ppm) never builds up past one game.
 */
const IDLE_SECONDS = 2;
/** A player alive this long has "played" (its failures are a device lost, not a device missing). */
const SETTLED_MS = 1000;

/**
 * Streams PCM to a player process's stdin. It keeps about bufferMs/2 queued ahead of the speaker,
 * estimated from what it wrote and the time passed since playback started. When the estimate
 * runs dry (the loop stalled) it counts an underrun, queues a short cushion of silence and fades
 * the next tick in from zero, so a stall gives one soft gap instead of a click storm. A tick that
 * finds more than bufferMs queued (a burst of catch-up ticks) is dropped, so the latency from a
 * tick to the speaker stays under bufferMs + one tick (32 + 16.7 ms by default). A player that dies is restarted after
 * 1, 2, 4… seconds, at most maxRestarts times; the game never notices. Nothing throws into the loop.
 */
export class PlayerSink implements PcmSink {
  readonly description: string;
  readonly stats = emptyStats();
  /** Ticks dropped because too much was queued. */
  dropped = 0;
  private child: ChildProcess | undefined;
  private state: 'running' | 'down' | 'gone' = 'down';
  private startedAt = 0;
  private retryAt = 0;
  /** Samples written since playback was (re)anchored at `anchor` ms. */
  private written = 0;
  private anchor = 0;
  private fadeIn = 0;
  private readonly ring: Buffer[] = [];
  private ringAt = 0;
  private readonly silence: Buffer;
  private readonly now: () => number;
  private readonly maxRestarts: number;
  private closing = false;
  /** Ticks of silence in a row (idle after IDLE_SECONDS of them). */
  private silentTicks = 0;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: PlayerSinkOptions) {
    this.description = options.player.label;
    this.now = options.now ?? (() => performance.now());
    this.maxRestarts = options.maxRestarts ?? 5;
    const chunk = Math.ceil(options.rate / options.fps) * 2;
    for (let i = 0; i < RING; i++) this.ring.push(Buffer.alloc(chunk));
    this.silence = Buffer.alloc(Math.round((options.rate * options.bufferMs) / 2000) * 2);
    this.start();
  }

  /** Samples queued ahead of the speaker now (estimate; negative = it ran dry). */
  private queued(now: number): number {
    return this.written - ((now - this.anchor) * this.options.rate) / 1000;
  }

  write(samples: Int16Array): void {
    const now = this.now();
    if (
      this.state === 'down' &&
      !this.closing &&
      now >= this.retryAt &&
      this.stats.restarts < this.maxRestarts
    ) {
      this.stats.restarts++;
      this.start();
    }
    const child = this.child;
    if (this.state !== 'running' || !child?.stdin || child.stdin.destroyed) return;
    const { rate, bufferMs, fps } = this.options;
    if (isSilent(samples)) {
      if (++this.silentTicks > fps * IDLE_SECONDS) return; // idle: let the device drain
    } else if (this.silentTicks > fps * IDLE_SECONDS) {
      this.silentTicks = 0;
      this.prime(now); // back from idle: a fresh start, not an underrun
    } else {
      this.silentTicks = 0;
    }
    let queued = this.queued(now);
    if (queued < 0) {
      this.stats.underruns++;
      this.prime(now);
      queued = this.written;
    } else if (queued > (rate * bufferMs) / 1000) {
      this.dropped++;
      return;
    }
    const buffer = this.ring[this.ringAt]!;
    this.ringAt = (this.ringAt + 1) % RING;
    const bytes = samples.length * 2;
    for (let i = 0; i < samples.length; i++) {
      let s = samples[i]!;
      if (this.fadeIn < RAMP) s = Math.round((s * this.fadeIn++) / RAMP);
      buffer.writeInt16LE(s, i * 2);
    }
    child.stdin.write(buffer.subarray(0, bytes));
    this.written += samples.length;
    this.stats.latencyMs = ((queued + samples.length) * 1000) / rate;
  }

  /** Queues the silence cushion and fades the next samples in: (re)start and after an underrun. */
  private prime(now: number): void {
    this.child?.stdin?.write(this.silence);
    this.anchor = now;
    this.written = this.silence.length / 2;
    this.fadeIn = 0;
  }

  private start(): void {
    const { player } = this.options;
    let child: ChildProcess;
    try {
      child = spawn(player.command, player.args, {
        stdio: ['pipe', 'ignore', 'pipe'],
        detached: true, // its own process group: Ctrl-C in the terminal reaches us, and we end it
        env: this.options.env ?? process.env,
      });
    } catch (error) {
      this.fail(`cannot start ${player.command}: ${(error as Error).message}`, true);
      return;
    }
    this.child = child;
    this.state = 'running';
    this.startedAt = this.now();
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      if (/underrun/i.test(text)) this.stats.underruns++;
      if (stderr.length < 2000) stderr += text;
    });
    child.stdin?.on('error', () => {}); // EPIPE when it dies; 'exit' reports it
    // its last words may arrive after 'exit': read stderr to its end before reporting
    const stderrDone = new Promise<void>((done) => {
      if (!child.stderr) done();
      child.stderr?.on('close', () => done());
    });
    this.exited = new Promise((resolve) => {
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (this.child !== child) return resolve();
        const missing = error.code === 'ENOENT';
        this.fail(
          missing
            ? `${player.command} not found (install ${PACKAGE[player.command] ?? player.command})`
            : `${player.command} failed: ${error.message}`,
          missing,
        );
        resolve();
      });
      child.on('exit', async (code, signal) => {
        await stderrDone;
        if (this.child === child && !this.closing) {
          // the last line says most (aplay: "audio open error: …" after ALSA lib's chatter)
          const why =
            stderr.trim().split('\n').pop() || (signal ? `killed by ${signal}` : `exit code ${code}`);
          this.fail(`${player.command} stopped: ${why}`, false);
        }
        resolve();
      });
    });
    this.prime(this.startedAt);
  }

  /** A player that failed: retry later, or give up (missing, auto without a device, too many). */
  private fail(why: string, permanent: boolean): void {
    const { log, quietFallback } = this.options;
    this.child = undefined;
    this.stats.failures++;
    const neverPlayed = this.now() - this.startedAt < SETTLED_MS && this.stats.restarts === 0;
    if (permanent || (quietFallback && neverPlayed)) {
      this.state = 'gone';
      log(`sound: ${why}; continuing without sound`);
      return;
    }
    if (this.stats.restarts >= this.maxRestarts) {
      this.state = 'gone';
      log(`sound: ${why}; gave up after ${this.stats.restarts} restarts, continuing without sound`);
      return;
    }
    this.state = 'down';
    this.retryAt = this.now() + 1000 * 2 ** this.stats.restarts;
    log(`sound: ${why}; restarting it in ${2 ** this.stats.restarts} s`);
  }

  /** True while a player process is running. */
  get playing(): boolean {
    return this.state === 'running';
  }

  /** The player's process id (tests and `ledtable bench`). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves when the current player process has exited (tests). */
  whenExited(): Promise<void> {
    return this.exited;
  }

  /** Ends stdin (the player plays what it has and exits); kills it if it lingers. */
  async close(): Promise<void> {
    this.closing = true;
    this.state = 'gone';
    const child = this.child;
    if (!child) return;
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 500);
    await this.exited;
    clearTimeout(timer);
  }
}
