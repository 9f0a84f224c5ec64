/**
 * `npm run screenshots`: pictures of the web page for docs/web/ and the README, taken in Debian's
 * Chromium from a table on a manual clock (so they show the same frame every time): the table
 * tab at desktop size, the gamepad at phone size in portrait and landscape, and the table tab at
 * phone size with a message sent from its message box, then scrolled to its settings panel.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasChromium, launchChromium } from '../test/web/browser.ts';
import { WebTable } from '../test/web/web-table.ts';

const OUT = join(import.meta.dirname, '..', 'docs', 'web');

if (!hasChromium()) {
  console.error('screenshots need Chromium at /usr/bin/chromium (apt-get install chromium)');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const [browser, web] = await Promise.all([launchChromium(), WebTable.start()]);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${web.url}/#table`);
  await page.click('#show-code');
  await page.waitForSelector('#pair-note:has-text("on the table")');
  await page.fill('#pair-code', web.code);
  await page.click('#pair-form button[type=submit]');
  await page.waitForSelector('#pairing', { state: 'hidden' });

  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${web.url}/#pad`);
  await phone.waitForSelector('#seat:has-text("P1")');
  web.table.play(web.table.catalog.find((g) => g.id === 'snake')!, { players: 2, seed: 7 });
  await web.step(150);
  await page.waitForTimeout(2500); // the status panel refreshes every 2 s
  await page.screenshot({ path: join(OUT, 'desktop.png') });
  await phone.keyboard.down('z'); // A held, as a thumb would
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: join(OUT, 'phone.png') });
  await phone.setViewportSize({ width: 844, height: 390 });
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: join(OUT, 'phone-landscape.png') });
  await phone.keyboard.up('z');

  const owner = await context.newPage();
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.goto(`${web.url}/#table`);
  await owner.waitForSelector('#message-box:not([hidden])');
  await owner.fill('#message-text', 'Happy birthday, Anna!');
  await owner.selectOption('#message-options select[name=color]', 'warm');
  await owner.check('#message-save');
  await owner.click('#message-form button[type=submit]');
  await owner.waitForSelector('#message-saved:not([hidden])');
  await web.step(150);
  await owner.waitForTimeout(300);
  await owner.screenshot({ path: join(OUT, 'phone-table.png') });
  await owner.locator('#settings').scrollIntoViewIfNeeded();
  await owner.mouse.wheel(0, -120); // the heading and the games above it
  await owner.screenshot({ path: join(OUT, 'phone-settings.png') });
  console.log(
    `wrote desktop.png, phone.png, phone-landscape.png, phone-table.png and phone-settings.png to ${OUT}`,
  );
} finally {
  await browser.close();
  await web.stop();
}
