import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a user-named file as UTF-8 text, refusing what is not a regular file (a FIFO, a device
 * such as /dev/zero, a directory) and anything over `maxBytes`, so a wrong path can neither hang
 * nor exhaust memory. Throws an Error whose message says why (never the file's contents).
 */
export function readLimitedText(path: string, maxBytes: number): string {
  // O_NONBLOCK: opening a FIFO with no writer must not hang before fstat can refuse it.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes) throw new Error(`it is ${stat.size} bytes, more than the ${maxBytes} allowed`);
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}
