import type { TImageType } from '@samiti/common';

export type TImageInfo = { mime: TImageType; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The kind of image the bytes say they are, from the first bytes alone (the claimed type is never trusted). */
export const sniffImageType = (b: Buffer): TImageType | null => {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
};

const pngSize = (b: Buffer) => {
  // The first chunk must be IHDR: width and height, big-endian, right after its type.
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/** Start-of-frame markers (C0–CF except DHT C4, JPG C8 and DAC CC) carry the frame's size. */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

const jpegSize = (b: Buffer) => {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length segment.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    // Image data starts (SOS) or the image ends (EOI) before any frame header: not a usable JPEG.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = b.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > b.length) return null;
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
};

const webpSize = (b: Buffer) => {
  if (b.length < 30) return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: a key frame's start code, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // Lossless: a signature byte, then width−1 and height−1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Extended: canvas width−1 and height−1 in 24 bits each.
    return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return null;
};

/**
 * What the image is and its size in pixels, read from its header without decoding it; null when the
 * bytes are not a JPEG, PNG or WebP image whose header can be read.
 */
export const readImageInfo = (b: Buffer): TImageInfo | null => {
  const mime = sniffImageType(b);
  if (!mime) return null;
  const size = mime === 'image/png' ? pngSize(b) : mime === 'image/jpeg' ? jpegSize(b) : webpSize(b);
  if (!size || size.width <= 0 || size.height <= 0) return null;
  return { mime, ...size };
};

/** The usual file name endings of each type, for checking a name the client sends along. */
export const EXTENSIONS: Record<TImageType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};

/** A short word for each type in messages ("JPEG"). */
export const TYPE_LABEL: Record<TImageType, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };
