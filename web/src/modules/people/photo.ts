import { PHOTO_MAX_EDGE } from '@samiti/common';

/** The size to draw an image at so its long side is at most `maxEdge` (never enlarged). */
export const fitWithin = (width: number, height: number, maxEdge = PHOTO_MAX_EDGE): { width: number; height: number } => {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
};

/** Up to two letters for a face without a photo: "Mehtab Chauhan" → "MC", "मेहताब चौहान" → "मेचौ" (whole syllables). */
export const initials = (name: string): string => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const firstGrapheme = (word: string) => segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => firstGrapheme(w).toLocaleUpperCase())
    .join('');
};

export const PHOTO_QUALITY = 0.85;

/** The browser could not open the chosen file as a picture (not an image, or a format it cannot read). */
export class PhotoReadError extends Error {
  constructor(cause: unknown) {
    super('photo unreadable', { cause });
    this.name = 'PhotoReadError';
  }
}

/**
 * A phone photo made fit to send: drawn upright (the browser applies its EXIF rotation) at ≤ 1600 px
 * on the long side and re-encoded as JPEG. Re-encoding every photo also drops its metadata (the
 * phone's GPS position among it). The server checks the result all the same.
 */
export const shrinkPhoto = async (file: Blob): Promise<Blob> => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (cause) {
    throw new PhotoReadError(cause);
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('canvas 2d context unavailable');
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not encode the photo'))), 'image/jpeg', PHOTO_QUALITY),
    );
  } finally {
    bitmap.close();
  }
};
