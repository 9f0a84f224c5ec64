import { Worker } from 'node:worker_threads';

export interface WatchdogOptions {
  /** The main loop counts as stuck after this long without a beat (ms). */
  readonly stuckMs: number;
  /** How often the watchdog thread looks (ms); default a quarter of `stuckMs` (few wakes at rest). */
  readonly pollMs?: number;
  /** Written to stdout before the kill when the simulator owns the terminal (gives it back). */
  readonly terminalReset?: string;
  /** $NOTIFY_SOCKET and $WATCHDOG_USEC from systemd (WatchdogSec=): pinged while the loop beats. */
  readonly env?: NodeJS.ProcessEnv;
}

export interface Watchdog {
  /** Called by the main loop once per tick: a few ns (one atomic add). */
  beat(): void;
  /** Ends the watchdog thread (at shutdown, before the loop stops beating). */
  stop(): Promise<void>;
}

/**
 * A thread the main loop cannot block. The main thread beats once per tick; when no beat came
 * for `stuckMs` (a game looping in a timer or promise callback, where its guard cannot reach), the
 * watchdog writes one line to stderr, gives the terminal back, and kills the process with SIGKILL:
 * JavaScript on the main thread can no longer run, so nothing cleaner is possible. Under systemd
 * the unit's ExecStopPost= blanks the LEDs and Restart= brings the table back.
 *
 * Under systemd with WatchdogSec=, it also sends WATCHDOG=1 (by running `systemd-notify`, as
 * Node has no unix datagram sockets) at half the watchdog interval, but only while the main loop
 * beats: if this whole process hangs, systemd kills and restarts it (the unit's last line of
 * defence). The sender is a child process, so the unit needs NotifyAccess=all.
 *
 * Arms at the first beat, so start-up (loading games) is never judged.
 */
export function startWatchdog(options: WatchdogOptions): Watchdog {
  const beats = new Int32Array(new SharedArrayBuffer(4));
  const usec = Number(options.env?.WATCHDOG_USEC ?? 0);
  const notify = (options.env?.NOTIFY_SOCKET ?? '') !== '' && usec > 0 ? Math.max(500, usec / 2000) : 0;
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: {
      beats,
      stuckMs: options.stuckMs,
      pollMs: options.pollMs ?? options.stuckMs / 4,
      reset: options.terminalReset ?? '',
      notifyMs: notify,
      pid: process.pid,
    },
    // Small: it holds a few numbers. The limits keep a runaway main heap from starving it.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  worker.unref();
  return {
    beat: () => {
      Atomics.add(beats, 0, 1);
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}

// Plain JavaScript (a worker started from source has no TypeScript loader), CommonJS eval.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { spawn } = require('node:child_process');
const { beats, stuckMs, pollMs, reset, notifyMs, pid } = workerData;
let seen = Atomics.load(beats, 0);
let armed = false;
let lastBeatAt = Date.now();
let lastNotify = 0;
setInterval(() => {
  const now = Date.now();
  const count = Atomics.load(beats, 0);
  if (count !== seen) {
    seen = count;
    armed = true;
    lastBeatAt = now;
    if (notifyMs > 0 && now - lastNotify >= notifyMs) {
      lastNotify = now;
      const child = spawn('systemd-notify', ['WATCHDOG=1'], { stdio: 'ignore' });
      child.on('error', () => {});
    }
    return;
  }
  if (!armed || now - lastBeatAt < stuckMs) return;
  try {
    if (reset) writeSync(1, reset);
    writeSync(2, 'ledtable: the main loop was stuck for ' + (now - lastBeatAt) +
      ' ms (code looping outside a guarded game call?); killing the process (the service restarts it)\\n');
  } catch {}
  process.kill(pid, 'SIGKILL');
}, pollMs);
`;
