import { defineOptions } from '../config/options.ts';
import { defineOutput } from './output-kind.ts';
import { TerminalDriver } from './terminal-driver.ts';

export const terminalOptions = defineOptions('Terminal simulator', {
  scale: {
    flag: '--scale',
    type: 'int',
    default: 0,
    min: 0,
    max: 8,
    help: 'Terminal simulator: character cells per LED; 0 = fit the terminal.',
    scope: 'config',
  },
  colors: {
    flag: '--colors',
    type: 'enum',
    default: 'auto',
    values: ['auto', 'truecolor', '256'],
    help: 'Terminal colour mode; auto detects it from the environment.',
    scope: 'config',
  },
});

/** `--output terminal`: the table drawn in this process's terminal. */
export const terminalOutput = defineOutput({
  name: 'terminal',
  options: [terminalOptions],
  create: ({ layout, options, stdout, env }) =>
    new TerminalDriver({
      stream: stdout,
      width: layout.width,
      height: layout.height,
      scale: options.scale,
      colors: options.colors,
      env,
    }),
});
