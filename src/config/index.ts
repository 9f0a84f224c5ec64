export type { CommandHelp } from './help.ts';
export { formatGameParamsMarkdown, formatHelp, formatOptionsMarkdown, HELP_WIDTH } from './help.ts';
export { JsonFile } from './json-store.ts';
export type {
  GameParams,
  OptionDecl,
  OptionDecls,
  OptionGroup,
  OptionScope,
  OptionSpec,
  OptionsOf,
  OptionsOfGroups,
  OptionType,
} from './options.ts';
export { collectSpecs, defaultsOf, defineOptions, uniqueGroups } from './options.ts';
export type { ParamOwner } from './params.ts';
export { checkGameParams, describeParams, paramFlags, paramSpecs } from './params.ts';
export type { ReadText, ResolvedOptions } from './parse.ts';
export { coerceJson, coerceText, describeAllowed, parseParamValue, resolveOptionsWith } from './parse.ts';
export { dataDirectory, expandHome, logFilePath } from './paths.ts';
export { closest, editDistance } from './suggest.ts';
