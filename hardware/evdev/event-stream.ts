import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { Socket } from 'node:net';

/** What a stream reports: bytes as they arrive, and its end (with the error that ended it). */
export interface StreamHandlers {
  /** A chunk of bytes; the buffer is only valid during the call. */
  data(chunk: Uint8Array): void;
  /** The stream ended by itself (device unplugged: ENODEV; writer closed a FIFO: no error). */
  end(error?: NodeJS.ErrnoException): void;
}

export interface EventStream {
  /** How bytes arrive: 'poll-handle' and 'socket' are event-driven; 'interval' polls. */
  readonly mode: 'poll-handle' | 'socket' | 'interval';
  /** Stops reading and closes the file. Safe to call twice; `end` is not called afterwards. */
  close(): void;
}

/** Opens `path` for reading records; throws the open error (EACCES, ENOENT…) as is. */
export type OpenEventStream = (path: string, handlers: StreamHandlers) => EventStream;

const INPUT_MAJOR = 13;

interface PipeHandle {
  open(fd: number): number;
}

/**
 * Opens an input device (or a FIFO or plain file of records) without blocking a libuv worker
 * thread per device (16 GPIO buttons would otherwise exhaust the pool, and a blocked read keeps
 * the process alive after SIGTERM):
 *
 * - evdev character devices (major 13) are non-blocking fds watched by the event loop's epoll,
 *   through the pipe handle Node uses for its own pipes (evdev supports poll; other character
 *   devices may not, so only major 13 takes this path);
 * - FIFOs use a plain net.Socket on the fd (public API);
 * - anything else (regular files in tests, systems without that handle) is read every
 *   `pollMs` milliseconds (default 4).
 */
export function openEventStream(path: string, handlers: StreamHandlers, pollMs = 4): EventStream {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isFIFO())
      return socketStream(new Socket({ fd, readable: true, writable: false }), handlers, 'socket');
    if (stat.isCharacterDevice() && Math.floor(stat.rdev / 256) % 4096 === INPUT_MAJOR) {
      const handle = pipeHandle(fd);
      if (handle)
        return socketStream(
          new Socket({ handle, readable: true, writable: false } as object),
          handlers,
          'poll-handle',
        );
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return intervalStream(fd, handlers, pollMs);
}

function pipeHandle(fd: number): PipeHandle | undefined {
  try {
    const binding = (process as unknown as { binding(name: string): unknown }).binding('pipe_wrap') as {
      Pipe: new (type: number) => PipeHandle;
      constants: { SOCKET: number };
    };
    const handle = new binding.Pipe(binding.constants.SOCKET);
    return handle.open(fd) === 0 ? handle : undefined;
  } catch {
    return undefined;
  }
}

function socketStream(socket: Socket, handlers: StreamHandlers, mode: EventStream['mode']): EventStream {
  let closed = false;
  const end = (error?: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    socket.destroy();
    handlers.end(error);
  };
  socket.on('data', (chunk: Buffer) => {
    if (!closed) handlers.data(chunk);
  });
  socket.on('error', (error: NodeJS.ErrnoException) => end(error));
  socket.on('end', () => end());
  socket.on('close', () => end());
  return {
    mode,
    close() {
      if (closed) return;
      closed = true;
      socket.destroy();
    },
  };
}

function intervalStream(fd: number, handlers: StreamHandlers, pollMs: number): EventStream {
  const buffer = new Uint8Array(24 * 64);
  let closed = false;
  const finish = (error?: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    closeSync(fd);
    handlers.end(error);
  };
  const poll = () => {
    for (;;) {
      let count: number;
      try {
        count = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') finish(error as NodeJS.ErrnoException);
        return;
      }
      if (count <= 0) return;
      handlers.data(buffer.subarray(0, count));
      if (closed) return;
    }
  };
  const timer = setInterval(poll, pollMs);
  timer.unref();
  queueMicrotask(poll);
  return {
    mode: 'interval',
    close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      closeSync(fd);
    },
  };
}
