/**
 * The only picture names the web page's store hands out or accepts: generated (time in base 36,
 * a random part, the format's extension), no path parts. Kept apart from the store so code that
 * only lists pictures does not load sharp.
 */
const NAME = /^[0-9a-z]{8,13}-[0-9a-f]{8}\.(jpg|png|gif|webp)$/;

export function isPictureName(name: string): boolean {
  return NAME.test(name);
}
