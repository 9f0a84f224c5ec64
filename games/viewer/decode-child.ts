/**
 * The decoder process (started by decode-process.ts): decodes one picture per message and sends
 * the Picture back (structured clone). It runs libvips away from the table's process, so a
 * picture that takes too long can be killed, and the table's own exit never waits for libvips.
 */
import { decodePicture, PictureError } from './decode.ts';

interface Request {
  readonly id: number;
  readonly file: string;
  readonly width: number;
  readonly height: number;
}

process.on('message', (request: Request) => {
  decodePicture(request.file, request.width, request.height).then(
    (picture) => process.send?.({ id: request.id, picture }),
    (error: unknown) =>
      process.send?.({
        id: request.id,
        short: error instanceof PictureError ? error.short : 'DAMAGED FILE',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});

// The table went away: end at once (a normal exit would wait for libvips to finish).
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
