// Real, scannable QR codes as data URLs: a PNG for the portal's own pages, and the API's BMP labelled as PNG.
import { deflateSync } from 'node:zlib';
import { encode } from 'uqr';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const cache = new Map<string, string>();

/**
 * The API's setup QR as the server makes it (§11.3): QRCoder's BitmapByteQRCode output, a 24-bit BMP, labelled
 * `data:image/png;base64,` (Google.Authenticator GenerateQrCodeUrl). Browsers sniff the bytes and show it anyway.
 */
export function qrBmpLabelledPngDataUrl(text: string): string {
  const qr = encode(text, { ecc: 'Q', border: 4 });
  const scale = 4;
  const side = qr.size * scale;
  const rowBytes = Math.ceil((side * 3) / 4) * 4;
  const pixels = Buffer.alloc(rowBytes * side, 0);
  for (let y = 0; y < side; y++) {
    const line = qr.data[Math.floor(y / scale)] ?? [];
    const row = (side - 1 - y) * rowBytes; // bottom-up
    for (let x = 0; x < side; x++) {
      pixels.fill(line[Math.floor(x / scale)] ? 0 : 255, row + x * 3, row + x * 3 + 3);
    }
  }
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'ascii');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(side, 18);
  header.writeInt32LE(side, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return `data:image/png;base64,${Buffer.concat([header, pixels]).toString('base64')}`;
}

/** 8-bit greyscale PNG of a QR code (ECC Q, 4 px per module, 4-module quiet zone). */
export function qrPngDataUrl(text: string): string {
  const hit = cache.get(text);
  if (hit) {
    return hit;
  }
  const url = render(text);
  if (cache.size >= 64) {
    cache.clear();
  }
  cache.set(text, url);
  return url;
}

function render(text: string): string {
  const qr = encode(text, { ecc: 'Q', border: 4 });
  const scale = 4;
  const side = qr.size * scale;
  const raw = Buffer.alloc((side + 1) * side, 255);
  for (let y = 0; y < side; y++) {
    const row = y * (side + 1);
    raw[row] = 0; // filter: none
    const line = qr.data[Math.floor(y / scale)] ?? [];
    for (let x = 0; x < side; x++) {
      if (line[Math.floor(x / scale)]) {
        raw[row + 1 + x] = 0;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
