import { spawn } from 'node:child_process';

export interface WatchdogOptions {
  /** The main loop counts as stuck after this long without a beat (ms). */
  readonly stuckMs: number;
  /** How often the main loop tells the watchdog it beats (ms); default a quarter of `stuckMs`. */
  readonly pollMs?: number;
  /** Written to stdout before the kill when the simulator owns the terminal (gives it back). */
  readonly terminalReset?: string;
  /** $NOTIFY_SOCKET and $WATCHDOG_USEC from systemd (WatchdogSec=): pinged while the loop beats. */
  readonly env?: NodeJS.ProcessEnv;
  /** Told once when the watchdog cannot run (no bash on this system). */
  readonly warn?: (message: string) => void;
}

export interface Watchdog {
  /** Called by the main loop once per tick: a clock read; a one-byte write a few times a second. */
  beat(): void;
  /**
   * Ends the watchdog (at shutdown, before the loop stops beating): the watcher is killed at once,
   * so code that blocks the thread afterwards is never taken for a stuck loop.
   */
  stop(): Promise<void>;
}

/**
 * A watcher the main loop cannot block: a small bash process reading the loop's beats from a
 * pipe. When no beat came for `stuckMs` (a game without a time limit looping, see --guard, or
 * one looping in a promise callback, where its guard cannot reach), it writes one line to
 * stderr, gives the terminal back, and kills this process with SIGKILL: JavaScript on the main
 * thread can no longer run, so nothing cleaner is possible. Under systemd the unit's
 * ExecStopPost= blanks the LEDs and Restart= brings the table back. When this process ends, the
 * pipe closes and the watcher exits; stop() kills it.
 *
 * Under systemd with WatchdogSec=, each beat at half the watchdog interval also asks the watcher
 * to run `systemd-notify WATCHDOG=1` (Node has no unix datagram sockets), so pings stop when the
 * loop stops: if this whole process hangs, systemd kills and restarts it (the unit's last line
 * of defence). The sender is not the main process, so the unit needs NotifyAccess=all.
 *
 * A process and not a worker thread: a Node worker costs about 11 MB of resident memory (its own
 * V8 isolate and Node bootstrap), bash about 4 MB outside this process. Arms at the first beat,
 * so start-up (loading games) is never judged.
 */
export function startWatchdog(options: WatchdogOptions): Watchdog {
  const pollMs = options.pollMs ?? options.stuckMs / 4;
  const usec = Number(options.env?.WATCHDOG_USEC ?? 0);
  const notifyMs = (options.env?.NOTIFY_SOCKET ?? '') !== '' && usec > 0 ? Math.max(500, usec / 2000) : 0;
  // the script travels in the environment, so `ps` shows one short line
  const args = [
    '-c',
    'eval "$LEDTABLE_WATCHDOG"',
    'ledtable-watchdog',
    String(options.stuckMs / 1000),
    String(process.pid),
  ];
  const watcher = spawn('bash', args, {
    stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...process.env, ...options.env, LEDTABLE_WATCHDOG: WATCHER, RESET: options.terminalReset ?? '' },
  });
  let working = true;
  let failed = false;
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    working = false;
    options.warn?.(`the watchdog could not start (${error.message}): a stuck loop is not caught`);
  };
  watcher.on('error', fail);
  watcher.stdin.on('error', fail);
  watcher.unref();
  let lastBeat = Number.NEGATIVE_INFINITY;
  let lastNotify = Number.NEGATIVE_INFINITY;
  return {
    beat: () => {
      const now = performance.now();
      if (!working || now - lastBeat < pollMs) return;
      lastBeat = now;
      const notify = notifyMs > 0 && now - lastNotify >= notifyMs;
      if (notify) lastNotify = now;
      watcher.stdin.write(notify ? 'n\n' : '.\n');
    },
    stop: async () => {
      working = false;
      if (failed) return;
      // Synchronous: once stop() returns, nothing can take this process for stuck, even if it
      // blocks at once (a closed pipe would reach the watcher only on a later event-loop turn).
      watcher.kill('SIGKILL');
      watcher.stdin.destroy();
    },
  };
}

// $1: seconds without a beat that count as stuck; $2: the pid to kill. A line per beat; "n" also
// pings systemd. read's exit status: 0 a line, 1 end of input (the table ended), > 128 timeout.
const WATCHER = `
read -r line || exit 0
while :; do
  [ "$line" = n ] && { systemd-notify WATCHDOG=1 >/dev/null 2>&1 & }
  read -r -t "$1" line
  status=$?
  [ $status -eq 0 ] && continue
  [ $status -le 128 ] && exit 0
  printf '%s' "$RESET"
  echo "ledtable: the main loop was stuck for more than $1 s (an endless loop in a game without a time limit, see --guard, or outside a game call?); killing the process (the service restarts it)" >&2
  kill -KILL "$2"
  exit 0
done
`;
