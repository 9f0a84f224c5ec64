import { fileURLToPath } from 'node:url';

/**
 * The arguments that run a sibling module of `base` (an `import.meta.url`) in a child Node
 * process the way this process runs: `relative` names the TypeScript source (`./worker.ts`);
 * compiled (base ends in .js) that is the .js file next to it, run by plain Node, else the .ts
 * file through tsx. So a command that starts children works the same from dist/ as from sources.
 */
export function nodeArgsFor(relative: string, base: string): string[] {
  const compiled = base.endsWith('.js');
  const file = fileURLToPath(new URL(compiled ? relative.replace(/\.ts$/, '.js') : relative, base));
  return compiled ? [file] : ['--import', 'tsx', file];
}
