import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** `~` or `~/x` → the home directory; other paths unchanged. */
export function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  if (path !== '~' && !path.startsWith('~/')) return path;
  return join(env.HOME || homedir(), path.slice(1));
}

/**
 * Where settings, high scores and the log live: `options.dataDir` when set, else
 * `$XDG_STATE_HOME/ledtable` (only an absolute XDG_STATE_HOME counts, as the XDG spec says),
 * else `$HOME/.local/state/ledtable`.
 */
export function dataDirectory(options: { readonly dataDir: string }, env: NodeJS.ProcessEnv): string {
  if (options.dataDir !== '') return expandHome(options.dataDir, env);
  const state = env.XDG_STATE_HOME;
  if (state && isAbsolute(state)) return join(state, 'ledtable');
  return join(env.HOME || homedir(), '.local', 'state', 'ledtable');
}

/** `options.logFile` when set, else `<data dir>/ledtable.log`. */
export function logFilePath(
  options: { readonly dataDir: string; readonly logFile: string },
  env: NodeJS.ProcessEnv,
): string {
  if (options.logFile !== '') return expandHome(options.logFile, env);
  return join(dataDirectory(options, env), 'ledtable.log');
}
