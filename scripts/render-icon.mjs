// Renders scripts/icon/icon.svg to media/icon.png (128x128, transparent
// corners), the extension's icon in package.json, with Debian's headless
// Chromium (the one the e2e tests drive). Run it after editing the SVG:
//   node scripts/render-icon.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

const SIZE = 128;
const svg = path.resolve('scripts/icon/icon.svg');
const out = path.resolve('media/icon.png');
const chromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => fs.existsSync(p));
if (!chromium) {
  console.error('render-icon: Chromium not found (apt-get install -y chromium)');
  process.exit(1);
}

// A profile of its own, so nothing is read from or left in $HOME.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-icon-'));
try {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const r = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--default-background-color=00000000',
      `--user-data-dir=${profile}`,
      // Chromium 156 with a fresh profile paints only the top third of a
      // window this small; a taller one paints the icon whole, and the
      // screenshot is cut to its top rows below.
      `--window-size=${SIZE},${2 * SIZE}`,
      `--screenshot=${out}`,
      pathToFileURL(svg).href,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    console.error(`render-icon: chromium exited ${r.status}:\n${r.stderr}`);
    process.exit(1);
  }
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}

fs.writeFileSync(out, topRows(fs.readFileSync(out), SIZE));
const png = fs.readFileSync(out);
console.log(`render-icon: ${path.relative(process.cwd(), out)} ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}, ${png.length} bytes`);

/**
 * The first `height` rows of an 8-bit RGBA, non-interlaced PNG, as a PNG. Each
 * row's filter refers only to the row above, so the rows are kept as they are
 * (filter bytes included) and only re-compressed.
 */
function topRows(png, height) {
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  const ihdr = Buffer.from(chunks[0].data);
  const width = ihdr.readUInt32BE(0);
  if (ihdr[8] !== 8 || ihdr[9] !== 6 || ihdr[12] !== 0) throw new Error('render-icon: chromium wrote a PNG that is not 8-bit RGBA without interlacing');
  if (ihdr.readUInt32BE(4) < height || width !== SIZE) throw new Error(`render-icon: the screenshot is ${width}x${ihdr.readUInt32BE(4)}`);
  ihdr.writeUInt32BE(height, 4);
  const pixels = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const idat = zlib.deflateSync(pixels.subarray(0, height * (1 + 4 * width)), { level: 9 });
  return Buffer.concat([png.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG's CRC-32 (zlib.crc32 exists only from Node 20.15). */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
