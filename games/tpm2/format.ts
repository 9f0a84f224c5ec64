/** TPM2 packet bytes: start, data frame type, end. */
const START = 0xc9;
const DATA = 0xda;
const END = 0x36;

/** The frames of a .tpm2 recording (Jinx!, Glediator, ledtable's tpm2file: output). */
export interface Tpm2Recording {
  /** Each frame's RGB bytes (views into the file's buffer). */
  readonly frames: readonly Uint8Array[];
  /** LEDs per frame: the largest frame's (shorter frames are padded black on play). */
  readonly pixels: number;
  /** Packets that were not data frames (commands, TPM2.net headers) or were cut off. */
  readonly skipped: number;
}

/**
 * Splits a .tpm2 file into its data frames: C9 DA size-hi size-lo <size bytes> 36. Other
 * packet types are skipped; a broken packet (wrong end byte, cut short) is skipped by
 * searching for the next C9 DA.
 */
export function parseTpm2(bytes: Uint8Array): Tpm2Recording {
  const frames: Uint8Array[] = [];
  let pixels = 0;
  let skipped = 0;
  let i = 0;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== START) {
      i++;
      continue;
    }
    const type = bytes[i + 1]!;
    const size = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const end = i + 4 + size;
    if (end < bytes.length && bytes[end] === END) {
      if (type === DATA && size >= 3) {
        frames.push(bytes.subarray(i + 4, end));
        pixels = Math.max(pixels, Math.floor(size / 3));
      } else {
        skipped++;
      }
      i = end + 1;
    } else {
      skipped++;
      i++;
    }
  }
  return { frames, pixels, skipped };
}
