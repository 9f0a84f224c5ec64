import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `ledtable …argv` in-process with captured, non-TTY streams and the data directory (and
 * HOME) set to `dataDir`, so no test touches the real user's state.
 */
export async function runCli(dataDir: string, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stream = (sink: (s: string) => void) =>
    ({
      isTTY: false,
      write: (s: string) => {
        sink(s);
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const io: CliIo = {
    stdout: stream((s) => {
      out += s;
    }),
    stderr: stream((s) => {
      err += s;
    }),
    stdin: { isTTY: false } as NodeJS.ReadStream,
    env: { HOME: dataDir },
  };
  const code = await main([...argv, '--data-dir', dataDir], io);
  return { code, out, err };
}
