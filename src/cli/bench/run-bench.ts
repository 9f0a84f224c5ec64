import type { CliIo } from '../io.ts';
import type { Table } from '../table-setup.ts';

export async function runBench(_table: Table, io: CliIo): Promise<number> {
  io.stdout.write('bench: not yet\n');
  return 0;
}
