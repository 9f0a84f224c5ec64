import type { OptionSpec } from '../config/options.ts';
import {
  type LiveSettings,
  type SettingValue,
  settingChoices,
  settingValue,
  showSetting,
} from '../config/settings-menu.ts';
import type { SettingInfo } from './protocol.ts';

/**
 * The table's live settings (the lines of its settings screen, src/config/settings-menu.ts) as
 * the web page sees and changes them: described from their declarations, changed through the
 * same LiveSettings (same clamping, same live hooks). Names no setting.
 */

/** A change the page asked for that no setting takes; its message names the key and the fix. */
export class SettingRefused extends Error {}

/** Every setting of `live` as the page shows it, in the screen's order. */
export function describeSettings(live: LiveSettings | undefined): SettingInfo[] {
  return (live?.specs ?? []).map((spec) => {
    const value = live!.get(spec.name)!;
    const shown = (v: SettingValue) => (spec.type === 'enum' ? String(v) : showSetting(spec, v));
    return {
      key: spec.name,
      title: spec.setting!.title ?? spec.setting!.label,
      label: spec.setting!.label,
      help: spec.help,
      kind:
        spec.type === 'bool' ? 'switch' : spec.type === 'int' || spec.type === 'number' ? 'number' : 'choice',
      value,
      choices: settingChoices(spec, value).map((v) => ({ value: v, shown: shown(v) })),
    };
  });
}

/**
 * `wanted` (option key → value) checked against the declarations, before anything changes:
 * throws SettingRefused for something not an object, an unknown key, a value of the wrong type or
 * one the option does not have (an enum value, a night window). Numbers outside the option's
 * range are clamped to it and fractions of an int rounded, as the table keeps them.
 */
export function checkSettingChanges(
  live: LiveSettings | undefined,
  wanted: unknown,
): Map<string, SettingValue> {
  if (typeof wanted !== 'object' || wanted === null || Array.isArray(wanted))
    throw new SettingRefused('send an object of settings like {"brightness": 50}');
  const specs = live?.specs ?? [];
  const changes = new Map<string, SettingValue>();
  for (const [key, raw] of Object.entries(wanted)) {
    const spec = specs.find((s) => s.name === key);
    if (!spec) {
      const known = specs.map((s) => s.name).join(', ') || 'none';
      throw new SettingRefused(`no setting "${key}"; the table's settings: ${known}`);
    }
    const value = settingValue(spec, raw);
    if (value === undefined) throw new SettingRefused(`"${key}" must be ${expected(spec)}`);
    changes.set(key, value);
  }
  return changes;
}

function expected(spec: OptionSpec): string {
  switch (spec.type) {
    case 'int':
    case 'number':
      return `a number${spec.type === 'int' ? ' (whole)' : ''} from ${spec.min ?? '-∞'} to ${spec.max ?? '∞'}`;
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${(spec.values ?? []).join(', ')}`;
    default:
      return `text the option takes (${spec.help})`;
  }
}
