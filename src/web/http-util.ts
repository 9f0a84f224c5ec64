import type { IncomingMessage, ServerResponse } from 'node:http';
import { unsafeKeyIn } from '../config/safe-keys.ts';

/** A request the server refuses: status and a message for the page. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a request body of at most `limit` bytes. A Content-Length above the limit is refused
 * with 413 before a byte is read; a body that grows past it while streaming (chunked) is
 * refused as soon as it does. Nothing is kept of a refused body.
 */
export function readBody(req: IncomingMessage, limit: number, tooBig: () => Error): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) return Promise.reject(tooBig());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooBig());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

/**
 * Reads a small JSON object body (at most 4 KB): 415 unless the Content-Type is
 * application/json (a plain form on another site cannot send that without the browser asking
 * first), 400 when it is not a JSON object or holds a __proto__, constructor or prototype key.
 */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, `send JSON with "Content-Type: application/json" (not "${type || 'none'}")`);
  }
  const body = await readBody(req, 4096, () => new HttpError(413, 'request body too large (4 KB at most)'));
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    // reported below
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const unsafe = unsafeKeyIn(value);
    if (unsafe !== undefined) throw new HttpError(400, `the key "${unsafe}" is refused`);
    return value as Record<string, unknown>;
  }
  throw new HttpError(400, 'expected a JSON object');
}

/** Sends a JSON response. A refusal (status ≥ 400) also closes the connection, so an unread body is dropped. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  const close = status >= 400 ? { Connection: 'close' } : {};
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...close,
    ...headers,
  });
  res.end(body);
  if (status >= 400) res.on('finish', () => res.req.socket.destroySoon());
}

/** The value of one cookie, or undefined. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
