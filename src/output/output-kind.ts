import { defineOptions, type OptionGroup, type OptionsOfGroups } from '../config/options.ts';
import type { Output } from './driver.ts';
import type { Layout } from './layout.ts';
import { parseOutputSpec } from './output-spec.ts';

/** What an output kind's factory gets: its target, the wiring and the resolved options. */
export interface OutputContext<V = Readonly<Record<string, unknown>>> {
  /** The text after "kind:" in `--output kind:TARGET`; '' for a bare word. */
  readonly target: string;
  readonly layout: Layout;
  /** Every resolved option; typed here as the kind's own. */
  readonly options: V;
  readonly stdout: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** Where device drivers report being lost and reconnected while running. */
  readonly log?: ((message: string) => void) | undefined;
}

/**
 * One kind of output, named in `--output`: declared once, in the file of its driver, and listed
 * once in src/cli/outputs.ts. Everything else (the --output check and help, the README, the
 * "available:" list, the options of the kind) is derived from this.
 */
export interface OutputKind<G extends readonly OptionGroup[] = readonly OptionGroup[]> {
  /** The word before the colon: 'ddp'. Lowercase letters and digits. */
  readonly name: string;
  /** How a target follows the name, e.g. 'HOST[:PORT]'; absent for a bare word ('ws281x'). */
  readonly target?: { readonly syntax: string; readonly example: string };
  /** A few words shown in parentheses after the syntax in --help, e.g. 'serial'. */
  readonly note?: string;
  /** Option groups this kind reads (a group shared by several kinds is shown once). */
  readonly options?: G;
  /** Builds the driver. Throw an Error whose message names the problem and the fix. */
  create(context: OutputContext<OptionsOfGroups<G>>): Output | Promise<Output>;
}

/** Identity function that types an output kind's options. */
export function defineOutput<const G extends readonly OptionGroup[] = []>(
  kind: OutputKind<G>,
): OutputKind<G> {
  return kind;
}

/** 'tpm2:DEVICE', 'ws281x'. */
export function outputSyntax(kind: OutputKind): string {
  return kind.target ? `${kind.name}:${kind.target.syntax}` : kind.name;
}

// biome-ignore lint/suspicious/noExplicitAny: any kind, whatever its options
type AnyKind = OutputKind<any>;
type KindGroups<K extends readonly AnyKind[]> = K[number] extends infer E
  ? E extends OutputKind<infer G>
    ? G[number]
    : never
  : never;

/** The `--output` option of a list of kinds. */
function outputOption(kinds: readonly AnyKind[]) {
  const listed = kinds.map((k) => `${outputSyntax(k)}${k.note ? ` (${k.note})` : ''}`).join(', ');
  const check = (text: string): string | undefined => {
    // Per-output parameters (?region=…&order=…, see output-spec.ts) are checked first, then the head.
    const query = text.indexOf('?');
    if (query >= 0) {
      try {
        parseOutputSpec(text);
      } catch (error) {
        return (error as Error).message.replace(`--output ${text}: `, '');
      }
    }
    const value = query < 0 ? text : text.slice(0, query);
    if (value === 'auto') return undefined;
    const colon = value.indexOf(':');
    const name = colon < 0 ? value : value.slice(0, colon);
    const kind = kinds.find((k) => k.name === name);
    if (!kind) return `must be one of auto, ${kinds.map(outputSyntax).join(', ')}`;
    if (kind.target && (colon < 0 || colon === value.length - 1))
      return `${name}: needs a target after the colon, e.g. ${kind.target.example}`;
    if (!kind.target && colon >= 0) {
      const flags = (kind.options ?? []).flatMap((g: OptionGroup) => g.specs.map((o) => o.flag));
      return `${name} takes no target after a colon${flags.length > 0 ? `; its settings are ${flags.join(', ')}` : ''}`;
    }
    return undefined;
  };
  return defineOptions('Outputs', {
    output: {
      flag: '--output',
      type: 'list',
      default: ['auto'],
      arg: 'OUT',
      check,
      help:
        `Where frames go. \`auto\` = the terminal when stdout is a TTY, else null; others: ${listed}. ` +
        'Comma-separated or repeated for several outputs at once. Each may end in ?region=WxH+X+Y or ' +
        '?leds=FIRST-LAST (its part of the canvas), &layout=rows/serpentine/… (its wiring, / for commas), ' +
        '&order=grb and &white=min (hardware/README.md).',
      scope: 'config',
    },
  });
}

export interface OutputRegistry<K extends readonly AnyKind[]> {
  readonly kinds: K;
  /** The --output option, then each kind's groups: list them with the other option groups. */
  readonly groups: readonly (ReturnType<typeof outputOption> | KindGroups<K>)[];
  /** The kind an `--output` value names, with its target; undefined for an unknown kind. */
  find(value: string): { kind: K[number]; target: string } | undefined;
  /** Builds one driver per `--output` value, in order (`auto`: the terminal on a TTY, else null). */
  create(
    context: Omit<OutputContext, 'target'> & { readonly options: { readonly output: readonly string[] } },
  ): Promise<Output[]>;
}

/**
 * The outputs a program offers. Adding a kind = one `defineOutput` in its driver's file plus one
 * entry in the list passed here (src/cli/outputs.ts). `auto` picks the kinds named terminal and
 * null. Two kinds with one name are a programming error and throw.
 */
export function outputRegistry<const K extends readonly AnyKind[]>(kinds: K): OutputRegistry<K> {
  const names = kinds.map((k) => k.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined)
    throw new Error(`output kind "${twice}" is listed twice; give each kind its own name`);
  const option = outputOption(kinds);
  const groups = [
    option,
    ...kinds.flatMap((k) => (k.options ?? []) as OptionGroup[]),
  ] as OutputRegistry<K>['groups'];
  const find = (text: string) => {
    const value = text.split('?')[0]!;
    const colon = value.indexOf(':');
    const kind = kinds.find((k) => k.name === (colon < 0 ? value : value.slice(0, colon)));
    return kind ? { kind, target: colon < 0 ? '' : value.slice(colon + 1) } : undefined;
  };
  return {
    kinds,
    groups,
    find,
    async create(context) {
      const drivers: Output[] = [];
      for (const value of context.options.output) {
        const resolved = value === 'auto' ? (context.stdout.isTTY ? 'terminal' : 'null') : value;
        const found = find(resolved);
        if (!found) {
          const name = resolved.split(':')[0];
          throw new Error(
            `--output ${value}: this build has no "${name}" output; available: ${kinds.map((k) => k.name).join(', ')}`,
          );
        }
        drivers.push(await found.kind.create({ ...context, target: found.target } as OutputContext<never>));
      }
      return drivers;
    },
  };
}
