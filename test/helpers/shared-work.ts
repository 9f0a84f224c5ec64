/**
 * Work shared out at run time between the processes of one test run (test/run.ts's shards): a
 * folder every process sees, where each item is claimed by exactly one process (an atomic
 * `mkdir`) and its result is written beside the claim as JSON. Every process can then read every
 * item's result, whoever played it. A file run on its own gets a fresh folder and does it all.
 *
 * test/run.ts names the folder (`$LEDTABLE_TEST_SHARED`) for every shard and removes it at the end.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How often a process looks for results that another process is still working on. */
const POLL_MS = 25;

export class SharedWork<T> {
  private readonly dir: string;
  /** What stopped this process's own share of the work (a disk error), thrown by results(). */
  private failure: unknown;

  /**
   * `name`: the work's own folder inside the run's shared one (one per test file); `shared`:
   * that folder, when not the run's.
   */
  constructor(name: string, shared = process.env.LEDTABLE_TEST_SHARED ?? ownFolder()) {
    this.dir = join(shared, name);
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Starts doing, in the background, every job no other process has claimed, in the order given,
   * `atOnce` at a time (jobs that wait, for files or processes, let the others run). A job
   * reports its own failures in its result: what it throws fails results() here.
   */
  share(jobs: ReadonlyMap<string, () => Promise<T>>, atOnce: number): void {
    const queue = [...jobs];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const [item, run] = job;
        if (this.claim(item)) this.done(item, await run());
      }
    };
    for (let i = 0; i < atOnce; i++)
      worker().catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  /** True for exactly one process of the run, the one that should do `item`. */
  private claim(item: string): boolean {
    try {
      mkdirSync(join(this.dir, item));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  /** Records the result of a claimed item, whole or not at all (written aside, then renamed). */
  private done(item: string, result: T): void {
    const file = join(this.dir, `${item}.json`);
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(result));
    renameSync(`${file}.${process.pid}`, file);
  }

  /**
   * The results of `items`, once every one is there (some may come from other processes, which
   * are still working). Rejects after `timeoutMs` naming the items that never got a result.
   */
  async results(items: readonly string[], timeoutMs: number): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const files = new Set(readdirSync(this.dir));
      for (const item of items) {
        if (!found.has(item) && files.has(`${item}.json`))
          found.set(item, JSON.parse(readFileSync(join(this.dir, `${item}.json`), 'utf8')) as T);
      }
      if (found.size === items.length) return found;
      if (Date.now() > until) {
        const missing = items.filter((item) => !found.has(item));
        throw new Error(
          `no result within ${timeoutMs / 1000} s for ${missing.join(', ')} (claimed by a process that stopped?)`,
        );
      }
      await new Promise((wake) => setTimeout(wake, POLL_MS));
    }
  }
}

/** A folder for a process that shares with nobody (a file run on its own), removed at its exit. */
function ownFolder(): string {
  const own = mkdtempSync(join(tmpdir(), 'ledtable-shared-'));
  process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  return own;
}
