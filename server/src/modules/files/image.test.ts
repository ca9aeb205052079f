import { describe, expect, it } from 'vitest';
import { readImageInfo, sniffImageType } from './image';
import { JPEG, PNG, WEBP, webpLossless, webpLossy } from './test-images';

describe('readImageInfo', () => {
  it('reads the type and size of real JPEG, PNG and WebP files', () => {
    expect(readImageInfo(JPEG)).toEqual({ mime: 'image/jpeg', width: 8, height: 6 });
    expect(readImageInfo(PNG)).toEqual({ mime: 'image/png', width: 8, height: 6 });
    expect(readImageInfo(WEBP)).toEqual({ mime: 'image/webp', width: 8, height: 6 });
  });
  it('reads lossy and lossless WebP headers', () => {
    expect(readImageInfo(webpLossy(1600, 1200))).toEqual({ mime: 'image/webp', width: 1600, height: 1200 });
    expect(readImageInfo(webpLossless(640, 481))).toEqual({ mime: 'image/webp', width: 640, height: 481 });
  });
  it('refuses what only looks like an image at first glance', () => {
    expect(sniffImageType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeNull();
    // Right magic bytes, no readable header after them.
    expect(readImageInfo(JPEG.subarray(0, 20))).toBeNull();
    expect(readImageInfo(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(readImageInfo(PNG.subarray(0, 16))).toBeNull();
    expect(readImageInfo(Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPJUNK'), Buffer.alloc(30)]))).toBeNull();
    expect(readImageInfo(Buffer.alloc(0))).toBeNull();
  });
});
