/**
 * Keys that must never come from user data (files, flags, network): assigning them to a plain
 * object changes its prototype or the prototype of every object (`__proto__`), or shadows what
 * code expects to find there (`constructor`, `prototype`). Every place where user data becomes
 * object keys rejects them with a message naming where they came from.
 */
export const UNSAFE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const isUnsafeKey = (key: string): boolean => UNSAFE_KEYS.includes(key);

/**
 * The first unsafe key anywhere inside a parsed JSON value (objects and arrays, any depth), or
 * undefined. Depth is bounded by what JSON.parse accepted; the walk is iterative.
 */
export function unsafeKeyIn(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (isUnsafeKey(key)) return key;
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return undefined;
}
