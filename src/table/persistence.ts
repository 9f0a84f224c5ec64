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
    return this.table[gameId]?.[scoreKey];
  }

  /** Every best score of a game, by score key ("default" for games with one table). */
  all(gameId: string): Readonly<Record<string, number>> {
    return this.table[gameId] ?? {};
  }

  record(gameId: string, scoreKey: string, score: number, order: 'higher' | 'lower'): ScoreRecord {
    const previous = this.best(gameId, scoreKey);
    const isNew = previous === undefined || (order === 'higher' ? score > previous : score < previous);
    if (isNew) {
      const scores = this.table[gameId] ?? {};
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

  for(gameId: string): GameStore {
    return {
      get: <T>(key: string) => this.table[gameId]?.[key] as T | undefined,
      set: (key: string, value: unknown) => {
        const entries = this.table[gameId] ?? {};
        entries[key] = value;
        this.table[gameId] = entries;
        this.file.write(this.table);
      },
    };
  }
}
