// Draws images/icon.png (128×128): gold scales of justice on a navy rounded
// square. No image packages: shapes are sampled 4×4 per pixel (anti-aliasing)
// and the PNG is written by hand (IHDR, one zlib IDAT, IEND).
//   node scripts/make-icon.mjs [out.png]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const size = 128;
const background = [0x1f, 0x3a, 0x5f];
const foreground = [0xf4, 0xc5, 0x42];
const out = process.argv[2] ?? new URL('../images/icon.png', import.meta.url).pathname;

// ---- shapes: (x, y) → inside?
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const bowl = (cx, cy, r) => (x, y) => y >= cy && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const [vx, vy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return (x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= (width / 2) ** 2;
};
const union = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));

const tile = roundedRect(0, 0, size, size, 26);
const pan = (cx) => union(segment(cx, 38, cx - 16, 76, 3), segment(cx, 38, cx + 16, 76, 3), bowl(cx, 76, 19), rect(cx - 19, 75, cx + 19, 78));
const scales = union(
  circle(64, 22, 7), // finial
  rect(60.5, 24, 67.5, 100), // pillar
  roundedRect(20, 33, 108, 40, 3.5), // beam
  circle(28, 37, 5), circle(100, 37, 5), // beam ends
  pan(28), pan(100),
  roundedRect(42, 98, 86, 108, 4), // base
  roundedRect(52, 92, 76, 100, 3),
);

// ---- raster: RGBA rows, each prefixed with filter type 0
const samples = 4;
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1);
  for (let x = 0; x < size; x++) {
    let inTile = 0;
    let inGlyph = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const [px, py] = [x + (sx + 0.5) / samples, y + (sy + 0.5) / samples];
        if (tile(px, py)) {
          inTile++;
          if (scales(px, py)) inGlyph++;
        }
      }
    }
    const mix = inTile === 0 ? 0 : inGlyph / inTile;
    const offset = row + 1 + x * 4;
    for (let c = 0; c < 3; c++) raw[offset + c] = Math.round(background[c] + (foreground[c] - background[c]) * mix);
    raw[offset + 3] = Math.round((255 * inTile) / (samples * samples));
  }
}

// ---- PNG container
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${size}×${size}, ${png.length} bytes`);
