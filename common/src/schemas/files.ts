/** The image types the server stores; anything else is refused by its bytes, whatever it claims to be. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type TImageType = (typeof IMAGE_TYPES)[number];

/** What a document upload (a circular's attachment) may be: an image, or a PDF checked by its bytes. */
export const DOCUMENT_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const;
export type TDocumentType = (typeof DOCUMENT_TYPES)[number];

/** The default largest upload; a deployment may lower or raise it through the app's deps. */
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Browsers shrink photos to at most this many pixels on the long side before upload. */
export const PHOTO_MAX_EDGE = 1600;

/** Where the browser fetches a stored file (same origin, with the session cookie). */
export const fileUrl = (id: number) => `/api/v1/files/${id}`;
