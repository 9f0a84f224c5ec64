import { main } from './main.ts';

/** The process entry point: runs one command and exits with its code. */
process.exitCode = await main(process.argv.slice(2));
