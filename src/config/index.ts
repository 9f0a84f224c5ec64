export type { CommandHelp } from './help.ts';
export { formatHelp, formatOptionsMarkdown, HELP_WIDTH } from './help.ts';
export { JsonFile } from './json-store.ts';
export type {
  ConfigOptionName,
  GameParams,
  OptionName,
  OptionScope,
  OptionSpec,
  Options,
  OptionType,
} from './options.ts';
export { defaultOptions, findOption, OPTION_SPECS, OPTIONS } from './options.ts';
export type { ReadText, ResolvedOptions } from './parse.ts';
export { describeAllowed, parseParamValue, resolveOptions } from './parse.ts';
export { dataDirectory, expandHome, logFilePath } from './paths.ts';
export { closest, editDistance } from './suggest.ts';
