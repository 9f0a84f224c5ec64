export type { ColorPipelineOptions } from './color-pipeline.ts';
export { ColorPipeline, estimateMilliamps } from './color-pipeline.ts';
export type { LedDriver } from './driver.ts';
export type { Layout, LayoutOptions } from './layout.ts';
export {
  compileLayout,
  DEFAULT_LAYOUT,
  formatLayoutSpec,
  layoutFromMap,
  layoutFromSpec,
  loadLayoutMap,
  parseLayoutSpec,
} from './layout.ts';
export type { MemoryDriverOptions } from './memory-driver.ts';
export { MemoryDriver } from './memory-driver.ts';
export { NullDriver } from './null-driver.ts';
export { StripMapper } from './strip-frame.ts';
export type { TerminalDriverOptions, TerminalStream } from './terminal-driver.ts';
export { nearest256, paletteColor, restoreTerminalSequence, TerminalDriver } from './terminal-driver.ts';
