import type { Picture } from './decode.ts';

/**
 * Decoded pictures (small working copies, never the originals) by key (a slideshow index, or a
 * file and size for the decoder), least recently used dropped first once `budget` bytes are
 * exceeded. The newest entry always stays, however big, so the picture on show is never dropped
 * from under it.
 */
export class PictureCache<K = number> {
  private readonly entries = new Map<K, Picture>();
  private used = 0;

  /** budget: bytes of frame data to keep (default 16 MB: about 270 photos at 160 × 120). */
  constructor(readonly budget = 16 * 1024 * 1024) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  has(index: K): boolean {
    return this.entries.has(index);
  }

  /** The picture, marked as just used; undefined when not (or no longer) cached. */
  get(index: K): Picture | undefined {
    const picture = this.entries.get(index);
    if (picture) {
      this.entries.delete(index);
      this.entries.set(index, picture);
    }
    return picture;
  }

  set(index: K, picture: Picture): void {
    const old = this.entries.get(index);
    if (old) {
      this.used -= old.bytes;
      this.entries.delete(index);
    }
    this.entries.set(index, picture);
    this.used += picture.bytes;
    for (const [key, value] of this.entries) {
      if (this.used <= this.budget || key === index) break;
      this.entries.delete(key);
      this.used -= value.bytes;
    }
  }
}
