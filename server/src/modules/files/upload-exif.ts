/**
 * Strips metadata from a JPEG without decoding it: every APPn and comment segment before the image
 * data goes — EXIF (camera, time, GPS position), XMP, IPTC/Photoshop, maker notes, thumbnails —
 * except what a decoder needs: APP0 (JFIF), APP2 ICC_PROFILE (colours) and APP14 Adobe (colour
 * transform). The EXIF orientation is the one tag that changes how the photo looks, so it is kept in
 * a minimal EXIF segment of its own (nothing else in it). The scan data and anything after it are
 * copied byte for byte: the picture itself does not change.
 */

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const ORIENTATION_TAG = 0x0112;

/** The Orientation (1–8) of an EXIF APP1 payload ("Exif\0\0" + TIFF), or null when absent or unreadable. */
export const readExifOrientation = (payload: Buffer): number | null => {
  if (payload.length < 14 || !payload.subarray(0, 6).equals(EXIF_HEADER)) return null;
  const tiff = payload.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (at + 2 <= tiff.length ? (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)) : null);
  const u32 = (at: number) => (at + 4 <= tiff.length ? (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)) : null);
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd === null) return null;
  const count = u16(ifd);
  if (count === null) return null;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    // SHORT, one value, stored in the first two bytes of the value field.
    const value = u16(entry + 8);
    return value !== null && value >= 1 && value <= 8 ? value : null;
  }
  return null;
};

/** An APP1 segment whose EXIF holds only the Orientation tag. */
const orientationSegment = (orientation: number) => {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(ORIENTATION_TAG, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // one value
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([EXIF_HEADER, tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

const startsWith = (b: Buffer, text: string) => b.toString('latin1', 0, text.length) === text;

/** Segments a decoder needs: JFIF, the ICC colour profile, Adobe's colour transform. */
const keepSegment = (marker: number, payload: Buffer) =>
  marker === 0xe0 || (marker === 0xe2 && startsWith(payload, 'ICC_PROFILE\0')) || (marker === 0xee && startsWith(payload, 'Adobe'));

const isMetadata = (marker: number) => (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;

/**
 * The JPEG without its metadata (see the file comment), or null when its segments cannot be walked
 * to the start of the image data (then it must not be stored as if it had been cleaned).
 */
export const stripJpegMetadata = (b: Buffer): Buffer | null => {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const kept: Buffer[] = [b.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  let removed = false;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      kept.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0xd9) return null; // ends before any image data
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) return null;
    if (marker === 0xda) {
      // Start of scan: the compressed picture and everything after it stay as they are.
      kept.push(b.subarray(at));
      if (!removed) return b;
      const out = kept;
      if (orientation !== null && orientation !== 1) out.splice(jfifEnd(kept), 0, orientationSegment(orientation));
      return Buffer.concat(out);
    }
    const segment = b.subarray(at, at + 2 + length);
    const payload = segment.subarray(4);
    if (isMetadata(marker) && !keepSegment(marker, payload)) {
      if (marker === 0xe1 && orientation === null) orientation = readExifOrientation(payload);
      removed = true;
    } else {
      kept.push(segment);
    }
    at += 2 + length;
  }
  return null;
};

/** Where the orientation segment goes: after SOI and a leading JFIF APP0, as EXIF readers expect. */
const jfifEnd = (parts: Buffer[]) => (parts[1] && parts[1][1] === 0xe0 ? 2 : 1);
