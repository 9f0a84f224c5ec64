import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** True when socat is on the PATH (the project's .ci/run installs it). */
export function hasSocat(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * A pair of linked pseudo-terminals made by `socat -d -d pty,raw,echo=0 pty,raw,echo=0`, with
 * stable symlinks `a` and `b` (so a restarted pair reappears at the same paths).
 */
export class PtyPair {
  private constructor(
    private readonly child: ChildProcess,
    readonly a: string,
    readonly b: string,
  ) {}

  static async start(a: string, b: string): Promise<PtyPair> {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 200 && !(existsSync(a) && existsSync(b)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!existsSync(a) || !existsSync(b)) {
      child.kill();
      throw new Error('socat did not create the pseudo-terminals within 2 s');
    }
    return new PtyPair(child, a, b);
  }

  /** Ends socat (both pseudo-terminals disappear, like an unplugged USB device). */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
