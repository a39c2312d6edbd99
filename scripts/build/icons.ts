/**
 * Renders the station icon (src/app/icon.svg) to the raster files browsers and phones ask for:
 * src/app/favicon.ico (16/32/48), src/app/apple-icon.png (180) and the manifest's PNGs in
 * public/icons (192, 512, and a maskable 512 with the safe-zone padding Android crops to).
 * The outputs are committed; run again after changing the SVG: `npx tsx scripts/build/icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { packIco } from './ico';

const root = path.resolve(__dirname, '../..');
const svg = fs.readFileSync(path.join(root, 'src/app/icon.svg'));

const png = (size: number) => sharp(svg, { density: 600 }).resize(size, size).png().toBuffer();

/** Maskable: the mark inside the central 80 % on a full-bleed background of the icon's colour. */
async function maskable(size: number): Promise<Buffer> {
  const inner = Math.round(size * 0.8);
  return sharp({ create: { width: size, height: size, channels: 4, background: '#f5a524' } })
    .composite([{ input: await png(inner), gravity: 'centre' }])
    .png()
    .toBuffer();
}

async function main(): Promise<void> {
  const write = (file: string, data: Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), data);
    console.log(`${file}: ${data.length} bytes`);
  };
  write('src/app/favicon.ico', packIco(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await png(size) })))));
  write('src/app/apple-icon.png', await png(180));
  write('public/icons/icon-192.png', await png(192));
  write('public/icons/icon-512.png', await png(512));
  write('public/icons/maskable-512.png', await maskable(512));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
