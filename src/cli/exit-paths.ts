/**
 * Every way a running table can end, routed to one `stop`: SIGINT, SIGTERM and SIGHUP stop it
 * cleanly (exit code 0); an uncaught exception or unhandled rejection stops it with code 1,
 * unless `survive(error)` (optional) returns true (it ended the game that caused it). If the
 * process exits anyway before stop() finished, `lastResort` runs synchronously (give the terminal
 * back). Returns the function that removes every handler again.
 */
export function routeExitPaths(
  stop: (code: number, reason: string, error?: unknown) => void,
  lastResort: () => void,
  survive: (error: unknown) => boolean = () => false,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => stop(0, signal);
  const onFatal = (error: unknown) => {
    if (!survive(error)) stop(1, 'an unexpected error', error);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  process.on('exit', lastResort);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
    process.off('exit', lastResort);
  };
}
