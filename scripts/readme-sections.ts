/**
 * The README sections generated from code (keys, commands, options), between markers like
 * `<!-- generated:options -->` … `<!-- /generated:options -->`. `npm run readme` rewrites them;
 * test/readme.test.ts fails when the README is out of date.
 */
import { BUILT_IN_GAMES, discoverGames } from '../src/cli/discover.ts';
import { gameOptionGroups } from '../src/cli/game-options.ts';
import { COMMANDS } from '../src/cli/main.ts';
import { gameParamsMarkdown, optionsMarkdown } from '../src/cli/options.ts';
import { describeKeymap } from '../src/input/keymap.ts';

/** The shipped games' flagged params (the viewer's --path…) are options too. */
const { games } = await discoverGames(BUILT_IN_GAMES);
const gameGroups = gameOptionGroups(games);

export function readmeSections(): Record<string, string> {
  const commands = COMMANDS.map((c) => `${c.usage}\n    ${c.summary}`).join('\n');
  return {
    keys: `\`\`\`\n${describeKeymap()}\n\`\`\``,
    commands: `\`\`\`\n${commands}\n\`\`\``,
    options: optionsMarkdown(gameGroups).trim(),
    params: gameParamsMarkdown(games).trim(),
  };
}

/** Replaces every generated section of `readme`; unknown markers are left alone. */
export function updateReadme(readme: string): string {
  let text = readme;
  for (const [name, body] of Object.entries(readmeSections())) {
    const pattern = new RegExp(`<!-- generated:${name} -->[\\s\\S]*?<!-- /generated:${name} -->`);
    text = text.replace(pattern, () => `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`);
  }
  return text;
}
