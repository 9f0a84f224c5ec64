import nodeModule from 'node:module';

// Node ≥ 22.1 keeps compiled code on disk (in the temp folder), so later starts skip parsing
// most of the ~130 modules; older Node lacks the function and starts as before. It must run
// before main.ts and everything it imports load, hence the dynamic import below.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./main.ts');

// A closed pipe (`ledtable list | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** The process entry point: runs one command and exits with its code. */
process.exitCode = await main(process.argv.slice(2));
