/**
 * Why a text is not JSON, without quoting the text: V8's JSON.parse messages can carry the start
 * of the file ("Unexpected token 'h', "hello…" is not valid JSON"), and a file named by mistake
 * (a key, a password file) must never be echoed into a terminal or a log. Gives the position as
 * line and column where V8 reports one.
 */
export function jsonSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const at = position ? ` at ${lineColumn(text, Number(position[1]))}` : '';
  if (/^Unexpected token/.test(message)) return `an unexpected character${at}`;
  if (/^Unexpected end/.test(message)) return 'it ends in the middle of a value (or is empty)';
  // The remaining V8 messages name only JSON grammar ("Expected ',' or '}' after property value").
  return message.replace(/ in JSON at position \d+.*$/s, '') + at;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
