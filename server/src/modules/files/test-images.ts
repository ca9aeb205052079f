import fs from 'node:fs';
import path from 'node:path';

/** Real 8×6 images drawn by Chromium (canvas.toBlob), and headers built byte by byte for the other WebP kinds. */
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

export const JPEG = fixture('photo-8x6.jpg');
export const PNG = fixture('photo-8x6.png');
export const WEBP = fixture('photo-8x6.webp');

const riff = (chunk: Buffer) => {
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + chunk.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, chunk]);
};

/** A lossy (VP8) WebP header of the given size, followed by filler. */
export const webpLossy = (width: number, height: number) => {
  const c = Buffer.alloc(40);
  c.write('VP8 ', 0, 'latin1');
  c.writeUInt32LE(32, 4);
  c.set([0x9d, 0x01, 0x2a], 11); // key-frame start code after the 3-byte frame tag
  c.writeUInt16LE(width, 14);
  c.writeUInt16LE(height, 16);
  return riff(c);
};

/** A lossless (VP8L) WebP header of the given size. */
export const webpLossless = (width: number, height: number) => {
  const c = Buffer.alloc(40);
  c.write('VP8L', 0, 'latin1');
  c.writeUInt32LE(32, 4);
  c[8] = 0x2f;
  c.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 9);
  return riff(c);
};

/** `n` bytes that start like a JPEG and are otherwise zero: big enough to test limits, cheap to make. */
export const jpegOfSize = (n: number) => {
  const b = Buffer.alloc(n);
  JPEG.copy(b, 0, 0, Math.min(JPEG.length, n));
  return b;
};

/** A valid JPEG whose content no other test stores (bytes after the end-of-image marker are ignored by readers). */
export const uniqueJpeg = (tag: string) => Buffer.concat([JPEG, Buffer.from(tag)]);
