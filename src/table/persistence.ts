import { isUnsafeKey, unsafeKeyIn } from '../config/safe-keys.ts';
import type { GameStore } from '../engine/game.ts';

/** A value that survives restarts: the config layer's JsonFile implements it; tests use memory. */
export interface Persisted<T> {
  read(): T;
  write(value: T): void;
}

/** Keeps the value in memory only. */
export class InMemory<T> implements Persisted<T> {
  constructor(private value: T) {}
  read(): T {
    return this.value;
  }
  write(value: T): void {
    this.value = value;
  }
}

/** gameId → scoreKey → best score. */
export type ScoreTable = Record<string, Record<string, number>>;
/** gameId → key → JSON value. */
export type StoreTable = Record<string, Record<string, unknown>>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a parsed scores file is not a ScoreTable (for JsonFile's validate), or undefined. */
export function scoreTableProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected an object of games, like {"snake": {"default": 12}}';
  for (const [game, scores] of Object.entries(value)) {
    if (!isObject(scores)) return `"${game}" must be an object of scores, like {"default": 12}`;
    for (const [key, score] of Object.entries(scores))
      if (typeof score !== 'number' || !Number.isFinite(score)) return `"${game}.${key}" must be a number`;
  }
  return undefined;
}

/** Why a parsed game-store file is not a StoreTable, or undefined. */
export function storeTableProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected an object of games, like {"life": {"pattern": "glider"}}';
  for (const [game, entries] of Object.entries(value))
    if (!isObject(entries)) return `"${game}" must be an object of stored values`;
  return undefined;
}

export interface ScoreRecord {
  readonly best: number;
  readonly previous: number | undefined;
  readonly isNew: boolean;
}

/** Best score per game and score key, compared the way the game says ("higher" or "lower"). */
export class ScoreBook {
  private table: ScoreTable;
  /** Goes up by one whenever a score is recorded (lets views cache what they show). */
  revision = 0;

  constructor(private readonly file: Persisted<ScoreTable>) {
    this.table = file.read();
  }

  best(gameId: string, scoreKey = 'default'): number | undefined {
    const score = Object.hasOwn(this.table, gameId) ? this.table[gameId]?.[scoreKey] : undefined;
    return typeof score === 'number' && Object.hasOwn(this.table[gameId]!, scoreKey) ? score : undefined;
  }

  /** Every best score of a game, by score key ("default" for games with one table). */
  all(gameId: string): Readonly<Record<string, number>> {
    const scores = Object.hasOwn(this.table, gameId) ? this.table[gameId] : undefined;
    return isObject(scores) ? (scores as Record<string, number>) : {};
  }

  record(gameId: string, scoreKey: string, score: number, order: 'higher' | 'lower'): ScoreRecord {
    if (isUnsafeKey(gameId) || isUnsafeKey(scoreKey) || !Number.isFinite(score))
      return { best: score, previous: undefined, isNew: false };
    const previous = this.best(gameId, scoreKey);
    const isNew = previous === undefined || (order === 'higher' ? score > previous : score < previous);
    if (isNew) {
      const held = this.table[gameId];
      const scores = isObject(held) && Object.hasOwn(this.table, gameId) ? held : {};
      scores[scoreKey] = score;
      this.table[gameId] = scores;
      this.file.write(this.table);
      this.revision++;
    }
    return { best: isNew ? score : previous, previous, isNew };
  }
}

/** Hands each game its own key/value store inside one persisted table. */
export class GameStores {
  private table: StoreTable;

  constructor(private readonly file: Persisted<StoreTable>) {
    this.table = file.read();
  }

  /** A copy of one game's entries (a recording keeps what the game started with). */
  snapshot(gameId: string): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.table[gameId] ?? {})) as Record<string, unknown>;
  }

  for(gameId: string): GameStore {
    const own = (): Record<string, unknown> | undefined => {
      const entries = Object.hasOwn(this.table, gameId) ? this.table[gameId] : undefined;
      return isObject(entries) ? entries : undefined;
    };
    return {
      get: <T>(key: string) => {
        const entries = own();
        return entries && Object.hasOwn(entries, key) ? (entries[key] as T) : undefined;
      },
      set: (key: string, value: unknown) => {
        const unsafe = isUnsafeKey(key) || isUnsafeKey(gameId) ? key : unsafeKeyIn(value);
        if (unsafe !== undefined)
          throw new Error(
            `store.set("${key}"): the key "${unsafe}" is refused (as are __proto__, constructor, prototype)`,
          );
        const entries = own() ?? {};
        entries[key] = value;
        this.table[gameId] = entries;
        this.file.write(this.table);
      },
    };
  }
}
