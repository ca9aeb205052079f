import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { readImageInfo } from './image';
import { JPEG } from './test-images';
import { readExifOrientation, stripJpegMetadata } from './upload-exif';

/** A segment: marker, big-endian length (payload + 2), payload. */
const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/**
 * An EXIF APP1 payload as a phone writes it (little-endian): IFD0 with Make, Orientation and a
 * pointer to a GPS IFD holding latitude 28°36'50" N and longitude 77°12'32" E (New Delhi).
 */
const phoneExif = (orientation: number) => {
  const t = Buffer.alloc(210);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    t.writeUInt16LE(tag, at);
    t.writeUInt16LE(type, at + 2);
    t.writeUInt32LE(count, at + 4);
    t.writeUInt32LE(value, at + 8);
  };
  // IFD0 at 8: three entries, then the next-IFD offset.
  t.writeUInt16LE(3, 8);
  entry(10, 0x010f, 2, 6, 80); // Make -> "Canon\0" at 80
  entry(22, 0x0112, 3, 1, orientation);
  entry(34, 0x8825, 4, 1, 100); // GPS IFD at 100
  t.writeUInt32LE(0, 46);
  t.write('Canon\0', 80, 'latin1');
  // GPS IFD at 100: LatitudeRef, Latitude, LongitudeRef, Longitude.
  t.writeUInt16LE(4, 100);
  entry(102, 0x0001, 2, 2, 0x4e); // 'N'
  entry(114, 0x0002, 5, 3, 160);
  entry(126, 0x0003, 2, 2, 0x45); // 'E'
  entry(138, 0x0004, 5, 3, 184);
  t.writeUInt32LE(0, 150);
  for (const [i, v] of [28, 36, 50, 77, 12, 32].entries()) {
    t.writeUInt32LE(v, 160 + i * 8);
    t.writeUInt32LE(1, 164 + i * 8);
  }
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]);
};

/** The 8×6 fixture with EXIF+GPS, XMP, IPTC and a comment inserted after its JFIF segment. */
const withMetadata = (orientation = 6) => {
  const app0End = 4 + JPEG.readUInt16BE(4);
  return Buffer.concat([
    JPEG.subarray(0, app0End),
    segment(0xe1, phoneExif(orientation)),
    segment(
      0xe1,
      Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>28,36.83N</exif:GPSLatitude></x:xmpmeta>', 'latin1'),
    ),
    segment(0xed, Buffer.from('Photoshop 3.0\x008BIM IPTC city New Delhi', 'latin1')),
    segment(0xfe, Buffer.from('shot at 28.6139,77.2090', 'latin1')),
    JPEG.subarray(app0End),
  ]);
};

const scanOf = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));

describe('stripJpegMetadata', () => {
  it('drops EXIF with GPS, XMP, IPTC and comments, keeps JFIF, the ICC profile, the orientation and the picture', () => {
    const dirty = withMetadata(6);
    expect(dirty.includes('Canon')).toBe(true);
    const clean = stripJpegMetadata(dirty);
    if (!clean) throw new Error('not stripped');
    for (const text of ['Canon', 'xmpmeta', 'GPSLatitude', 'Photoshop', 'New Delhi', '28.6139']) expect(clean.includes(text)).toBe(false);
    // No GPS IFD pointer (tag 0x8825) in either byte order.
    expect(clean.includes(Buffer.from([0x25, 0x88]))).toBe(false);
    expect(clean.includes(Buffer.from([0x88, 0x25]))).toBe(false);
    expect(clean.includes('JFIF')).toBe(true);
    expect(clean.includes('ICC_PROFILE')).toBe(true);
    expect(scanOf(clean).equals(scanOf(JPEG))).toBe(true);
    expect(readImageInfo(clean)).toEqual({ mime: 'image/jpeg', width: 8, height: 6 });
    // The one EXIF segment left holds the orientation and nothing else.
    const at = clean.indexOf('Exif\0\0');
    expect(at).toBeGreaterThan(0);
    const payload = clean.subarray(at, at + clean.readUInt16BE(at - 2) - 2);
    expect(readExifOrientation(payload)).toBe(6);
    expect(payload.length).toBe(32);
    expect(clean.length).toBeLessThan(dirty.length);
  });

  it('leaves a clean JPEG byte for byte, adds no orientation segment for upright photos, refuses a broken one', () => {
    expect(stripJpegMetadata(JPEG)).toBe(JPEG);
    const upright = stripJpegMetadata(withMetadata(1));
    expect(upright?.includes('Exif')).toBe(false);
    expect(upright?.equals(JPEG)).toBe(true);
    const truncated = withMetadata(6).subarray(0, 40);
    expect(stripJpegMetadata(truncated)).toBeNull();
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeNull();
  });
});

describe('uploaded photos are stored without metadata', () => {
  let h: THarness;
  beforeAll(async () => {
    h = await createHarness();
  });

  it('a person photo carrying GPS EXIF is stored and served without it', async () => {
    const admin = (await h.login('national-admin')).cookie;
    const p = await h.person();
    const dirty = withMetadata(6);
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${p.id}/photo`,
      payload: dirty,
      headers: { cookie: admin, 'content-type': 'image/jpeg' },
    });
    expect(res.statusCode).toBe(200);
    const fileId = res.json().photoFileId as number;
    const served = await h.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}`, headers: { cookie: admin } });
    expect(served.statusCode).toBe(200);
    const bytes = served.rawPayload;
    expect(bytes.includes('Canon')).toBe(false);
    expect(bytes.includes('GPSLatitude')).toBe(false);
    expect(bytes.equals(stripJpegMetadata(dirty) as Buffer)).toBe(true);
    const row = await h.db
      .selectFrom('stored_file')
      .select(['bytes', 'width', 'height'])
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ bytes: bytes.length, width: 8, height: 6 });
    // A JPEG whose segments break off before the picture is refused, not stored half-cleaned.
    const broken = Buffer.concat([JPEG.subarray(0, JPEG.indexOf(Buffer.from([0xff, 0xda]))), Buffer.from([0xff, 0xe1, 0x40, 0x00, 0x45])]);
    const refused = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${p.id}/photo`,
      payload: broken,
      headers: { cookie: admin, 'content-type': 'image/jpeg' },
    });
    expect(refused.statusCode).toBe(415);
  });
});
