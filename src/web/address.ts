/** Where the web server listens: `--web [HOST:]PORT`. */
export interface WebAddress {
  /** Interface to bind; '' = every interface (the LAN can reach the page). */
  readonly host: string;
  /** 1..65535, or 0 for any free port (tests). */
  readonly port: number;
}

const FORMAT = 'must be [HOST:]PORT with PORT from 0 to 65535, e.g. 8080, 127.0.0.1:8080 or [::1]:8080';

/** Parses `[HOST:]PORT` ('8080', '0.0.0.0:8080', '[::1]:8080', 'localhost:0'); throws with the format. */
export function parseWebAddress(text: string): WebAddress {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):)?(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || !(port >= 0 && port <= 65535)) throw new RangeError(`--web ${text}: ${FORMAT}`);
  const host = (match[1] ?? '').replace(/^\[(.*)\]$/, '$1');
  return { host, port };
}

/** The options table's check: undefined when `text` is '' (off) or a valid address. */
export function checkWebAddress(text: string): string | undefined {
  if (text === '') return undefined;
  try {
    parseWebAddress(text);
    return undefined;
  } catch {
    return FORMAT;
  }
}
