import { type ChildProcess, fork } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Picture, PictureError } from './decode.ts';
import { PictureCache } from './picture-cache.ts';

/** Time one picture may take to decode before its decoder is killed: 20 s (a Pi 4, 100 MP JPEG: ~5 s). */
export const DECODE_SECONDS = 20;

// Taken at load: a guarded game's timers are cleared when the game ends (src/isolation/), but a
// decode's time budget belongs to the shared decoder, which outlives any one run of the viewer.
const { setTimeout: later, clearTimeout: cancel } = globalThis;

const here = fileURLToPath(import.meta.url);
const CHILD = join(dirname(here), `decode-child${extname(here)}`);

interface Pending {
  readonly id: number;
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly budgetMs: number;
  readonly resolve: (picture: Picture) => void;
  readonly reject: (error: PictureError) => void;
}

type Reply = { id: number; picture: Picture } | { id: number; short: string; message: string };

/**
 * Decodes pictures in a separate Node process, one at a time: a picture that takes longer than
 * its budget gets its decoder killed (the next picture starts a fresh one), and the table's
 * process never runs libvips itself, so SIGTERM always ends it at once (libvips' exit handler
 * would otherwise wait for a running decode, minutes for a hostile file). The process starts on
 * the first picture, does not keep the table alive when idle, and dies with the table.
 *
 * It remembers the pictures it decoded lately (`recentBytes`, by file, its size and change time,
 * and the working size): the viewer opened again, or the idle show coming back to it, shows
 * them without decoding again; a file that changed is decoded afresh.
 */
export class DecodeProcess {
  private readonly recent: PictureCache<string>;
  private child: ChildProcess | undefined;
  private readonly queue: Pending[] = [];
  private active: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;

  constructor(recentBytes = 8 * 1024 * 1024) {
    this.recent = new PictureCache<string>(recentBytes);
  }

  decode(file: string, width: number, height: number, budgetMs = DECODE_SECONDS * 1000): Promise<Picture> {
    const key = recentKey(file, width, height);
    const known = key === undefined ? undefined : this.recent.get(key);
    if (known) return Promise.resolve(known);
    return new Promise<Picture>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, width, height, budgetMs, resolve, reject });
      this.pump();
    }).then((picture) => {
      if (key !== undefined) this.recent.set(key, picture);
      return picture;
    });
  }

  /** Kills the decoder; pending pictures fail. */
  close(): void {
    this.stopChild();
    for (const job of this.queue.splice(0))
      job.reject(new PictureError('STOPPED', `${job.file}: decoding stopped`));
  }

  private pump(): void {
    if (this.active || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.active = job;
    const child = this.ensureChild();
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
    this.timer = later(() => {
      this.stopChild();
      this.finish(
        job,
        new PictureError(
          'TOO SLOW',
          `${job.file} took more than ${job.budgetMs / 1000} s to decode and was stopped; shrink it or export it as PNG`,
        ),
      );
    }, job.budgetMs);
    child.send({ id: job.id, file: job.file, width: job.width, height: job.height });
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(CHILD, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (reply: Reply) => {
      const job = this.active;
      if (!job || reply.id !== job.id) return;
      this.finish(job, 'picture' in reply ? reply.picture : new PictureError(reply.short, reply.message));
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      const job = this.active;
      if (job)
        this.finish(
          job,
          new PictureError('DAMAGED FILE', `${job.file}: the decoder stopped (${signal ?? `exit ${code}`})`),
        );
    });
    this.child = child;
    return child;
  }

  private finish(job: Pending, result: Picture | PictureError): void {
    cancel(this.timer);
    this.active = undefined;
    if (result instanceof PictureError) job.reject(result);
    else job.resolve(result);
    if (this.queue.length > 0) this.pump();
    else this.idle();
  }

  private idle(): void {
    this.child?.unref();
    (this.child?.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private stopChild(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
  }
}

/** What makes a decoded picture still good: the file, its size and change time, the working size. */
function recentKey(file: string, width: number, height: number): string | undefined {
  try {
    const stat = statSync(file);
    return `${file}\0${stat.size}\0${stat.mtimeMs}\0${width}x${height}`;
  } catch {
    return undefined; // the decoder reports the missing file
  }
}

let shared: DecodeProcess | undefined;

/** The one decoder process of this table (killed when the table's process exits). */
export function sharedDecoder(): DecodeProcess {
  if (!shared) {
    const decoder = new DecodeProcess();
    shared = decoder;
    process.once('exit', () => decoder.close());
  }
  return shared;
}
