import { main } from './main.ts';

// A closed pipe (`ledtable list | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** The process entry point: runs one command and exits with its code. */
process.exitCode = await main(process.argv.slice(2));
