// Draws Nazar's icon (an eye: white almond, teal iris, dark pupil on a rounded teal square) as PNGs.
// Pure Node (zlib), so the icons can be regenerated anywhere: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function pixel(x, y) {
  // x, y in [-1, 1]
  const r = 0.32; // corner radius of the rounded square
  const ax = Math.max(Math.abs(x) - (1 - r), 0);
  const ay = Math.max(Math.abs(y) - (1 - r), 0);
  if (ax * ax + ay * ay > r * r) return [0, 0, 0, 0];
  // almond: intersection of two circles
  const c = 0.95;
  const inAlmond = x * x + (y - c + 0.55) ** 2 < c * c && x * x + (y + c - 0.55) ** 2 < c * c;
  const d = Math.hypot(x, y);
  if (inAlmond) {
    if (d < 0.16) return [20, 30, 40, 255];
    if (d < 0.36) return [0, 121, 107, 255];
    return [255, 255, 255, 255];
  }
  return [0, 105, 92, 255];
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const ss = 4; // supersampling for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const x = ((px + (sx + 0.5) / ss) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / ss) / size) * 2 - 1;
          const p = pixel(x, y);
          for (let i = 0; i < 3; i++) acc[i] += p[i] * p[3];
          acc[3] += p[3];
        }
      const a = acc[3] / (ss * ss);
      for (let i = 0; i < 3; i++) row[1 + px * 4 + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      row[1 + px * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(`public/icons/icon-${size}.png`, png);
}
console.log('icons written');
