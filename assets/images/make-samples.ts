/**
 * Makes the viewer's sample pictures: bold shapes and strong colours that still read on a 20×15
 * LED table. Run with `npx tsx assets/images/make-samples.ts`; it rewrites the files next to it.
 * Everything here is drawn by this script (SVG rendered by sharp, pixel art from text), so the
 * pictures carry the project's own licence (CC0, see README.md).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;

const SUNSET = svg(
  640,
  480,
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
     <stop offset="0" stop-color="#2a0a6e"/><stop offset="0.45" stop-color="#d0247a"/>
     <stop offset="0.8" stop-color="#ff8a00"/></linearGradient></defs>
   <rect width="640" height="480" fill="url(#sky)"/>
   <circle cx="330" cy="220" r="120" fill="#ffd21f"/>
   <path d="M0 340 L120 270 L210 330 L300 280 L450 340 L530 300 L640 350 L640 480 L0 480 Z" fill="#1a0b2e"/>
   <rect y="400" width="640" height="80" fill="#0b0618"/>`,
);

const PLANET = svg(
  640,
  480,
  `<rect width="640" height="480" fill="#050a30"/>
   <g fill="#ffffff"><circle cx="60" cy="50" r="8"/><circle cx="560" cy="80" r="10"/>
   <circle cx="100" cy="400" r="7"/><circle cx="590" cy="420" r="9"/><circle cx="420" cy="40" r="6"/></g>
   <ellipse cx="320" cy="250" rx="270" ry="60" fill="none" stroke="#ffb347" stroke-width="34" transform="rotate(-15 320 250)"/>
   <circle cx="320" cy="240" r="130" fill="#ff5e3a"/>
   <rect x="190" y="200" width="260" height="28" fill="#c2185b" opacity="0.8"/>`,
);

const FLOWER = svg(
  640,
  480,
  `<rect width="640" height="480" fill="#0d4d1c"/>
   <g transform="translate(320 240)">
   ${[0, 45, 90, 135, 180, 225, 270, 315]
     .map((a) => `<ellipse rx="70" ry="150" fill="#ff2fa0" transform="rotate(${a}) translate(0 -110)"/>`)
     .join('')}
   <circle r="85" fill="#ffe000"/><circle r="40" fill="#ff8c00"/></g>`,
);

const RAINBOW = svg(
  640,
  480,
  `<rect width="640" height="480" fill="#3ab0ff"/>
   ${['#ff1a1a', '#ff8c00', '#ffe600', '#22cc33', '#1f5bff', '#8a2be2']
     .map((c, i) => `<circle cx="320" cy="480" r="${330 - i * 45}" fill="${c}"/>`)
     .join('')}
   <circle cx="320" cy="480" r="60" fill="#3ab0ff"/>
   <g fill="#ffffff"><circle cx="80" cy="430" r="60"/><circle cx="150" cy="450" r="55"/>
   <circle cx="560" cy="430" r="60"/><circle cx="490" cy="450" r="55"/></g>`,
);

const WAVES = svg(
  400,
  300,
  `<rect width="400" height="300" fill="#001a4d"/>
   <circle cx="320" cy="70" r="40" fill="#f5f5ff"/>
   ${[0, 1, 2, 3]
     .map(
       (i) =>
         `<path d="M0 ${130 + i * 45} Q 50 ${100 + i * 45} 100 ${130 + i * 45} T 200 ${130 + i * 45} T 300 ${
           130 + i * 45
         } T 400 ${130 + i * 45} V 300 H 0 Z" fill="${['#0057d9', '#0080ff', '#00b3ff', '#00e0ff'][i]}"/>`,
     )
     .join('')}`,
);

/** Pixel art from rows of letters, scaled up `k` times (an exact multiple of 20×15 keeps hard edges). */
async function pixelArt(rows: readonly string[], palette: Readonly<Record<string, number>>, k: number) {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const raw = Buffer.alloc(width * k * height * k * 3);
  for (let y = 0; y < height * k; y++) {
    for (let x = 0; x < width * k; x++) {
      const c = palette[rows[Math.floor(y / k)]?.[Math.floor(x / k)] ?? '.'] ?? 0;
      const i = (y * width * k + x) * 3;
      raw[i] = (c >> 16) & 255;
      raw[i + 1] = (c >> 8) & 255;
      raw[i + 2] = c & 255;
    }
  }
  return sharp(raw, { raw: { width: width * k, height: height * k, channels: 3 } });
}

const INVADER = [
  '....................',
  '....................',
  '.....g........g.....',
  '......g......g......',
  '.....gggggggggg.....',
  '....gg.gggggg.gg....',
  '...gggggggggggggg...',
  '...g.gggggggggg.g...',
  '...g.g........g.g...',
  '......gg....gg......',
  '....................',
  '.s.....s.....s....s.',
  '....................',
  'yyyyyyyyyyyyyyyyyyyy',
  'yyyyyyyyyyyyyyyyyyyy',
];

const HEART = [
  '....................',
  '....rrr......rrr....',
  '...rrrrr....rrrrr...',
  '..rrwwrrr..rrrrrrr..',
  '..rwwrrrrrrrrrrrrr..',
  '..rrrrrrrrrrrrrrrr..',
  '..rrrrrrrrrrrrrrrr..',
  '...rrrrrrrrrrrrrr...',
  '....rrrrrrrrrrrr....',
  '.....rrrrrrrrrr.....',
  '......rrrrrrrr......',
  '.......rrrrrr.......',
  '........rrrr........',
  '.........rr.........',
  '....................',
];

/** A ball bouncing on a floor, 12 frames; the frame delays vary (slow at the top, fast below). */
async function bouncingBall() {
  const frames = 12;
  const width = 160;
  const height = 120;
  const pages: Buffer[] = [];
  const delays: number[] = [];
  for (let f = 0; f < frames; f++) {
    const t = f / frames;
    const y = 20 + 70 * Math.sin(Math.PI * t); // height of the ball's bottom above the floor line
    const squash = f === 0 ? 0.7 : 1;
    const body = `<rect width="${width}" height="${height}" fill="#1b1b3a"/>
      <rect y="105" width="${width}" height="15" fill="#30c040"/>
      <ellipse cx="80" cy="107" rx="${16 + (y - 20) / 6}" ry="4" fill="#0a0a14"/>
      <ellipse cx="80" cy="${110 - y}" rx="${18 / squash}" ry="${18 * squash}" fill="#ff3030"/>
      <circle cx="74" cy="${104 - y}" r="5" fill="#ffffff"/>`;
    pages.push(
      await sharp(Buffer.from(svg(width, height, body)))
        .removeAlpha()
        .raw()
        .toBuffer(),
    );
    delays.push(f === 0 || f === frames / 2 ? 120 : 60);
  }
  return sharp(Buffer.concat(pages), {
    raw: { width, height: height * frames, channels: 3, pageHeight: height },
  }).gif({
    delay: delays,
    loop: 0,
  });
}

async function main() {
  await sharp(Buffer.from(SUNSET)).png().toFile(here('sunset.png'));
  await sharp(Buffer.from(PLANET)).jpeg({ quality: 90 }).toFile(here('planet.jpg'));
  await sharp(Buffer.from(FLOWER)).webp({ quality: 90 }).toFile(here('flower.webp'));
  await sharp(Buffer.from(RAINBOW)).png().toFile(here('rainbow.png'));
  writeFileSync(here('waves.svg'), `${WAVES}\n`);
  await (await pixelArt(INVADER, { '.': 0x000010, g: 0x40ff40, s: 0xffffff, y: 0xa06000 }, 8))
    .png()
    .toFile(here('pixel-invader.png'));
  await (await pixelArt(HEART, { '.': 0x100018, r: 0xff1040, w: 0xffc0d0 }, 4))
    .png()
    .toFile(here('pixel-heart.png'));
  await (await bouncingBall()).toFile(here('bouncing-ball.gif'));
}

await main();
