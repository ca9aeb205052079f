import { DOCUMENT_TYPES, IMAGE_TYPES, type TDocumentType, type TImageType } from '@samiti/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import { EXTENSIONS, readImageInfo, sniffImageType, TYPE_LABEL, type TImageInfo } from './image';
import { stripJpegMetadata } from './upload-exif';

const ALLOWED = IMAGE_TYPES.map((m) => TYPE_LABEL[m]).join(', ');

/** "5 MB", "300 KB": the limit as people read it. */
export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;

const tooLarge = (max: number) => new AppError('PAYLOAD_TOO_LARGE', 'FILE_TOO_LARGE', { params: { max: formatBytes(max) } });

/**
 * Makes every route of the calling plugin take its body as raw bytes, whatever the content type, up
 * to `maxBytes` (a 413 that names the limit, before reading when Content-Length already says so).
 * Taking every type lets the route answer a wrong one with its own clear 415 instead of Fastify's.
 * Bodies are read only from logged-in users: anyone else gets the 401 before a byte is read.
 * Call it inside the plugin that holds the upload routes: parsers and hooks are scoped to their plugin.
 */
export const acceptRawUploads = (app: FastifyInstance, maxBytes: number) => {
  app.addHook('preParsing', async (req) => {
    if (!req.actor) throw new AppError('UNAUTHENTICATED', 'UNAUTHENTICATED');
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', async (req: FastifyRequest, payload: NodeJS.ReadableStream) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge(maxBytes);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(buf);
    }
    return Buffer.concat(chunks, size);
  });
};

export type TImageUpload = TImageInfo & { bytes: Buffer };

const claimedType = (req: FastifyRequest) => (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * The uploaded image of a raw-body request, checked by its bytes: a JPEG, PNG or WebP whose header
 * can be read, sent under its own content type and, when the client names the file (`?name=`), with a
 * matching extension. Anything else is a 415 saying what was wrong.
 */
export const readImageUpload = (req: FastifyRequest, name?: string): TImageUpload => {
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('VALIDATION', 'FILE_EMPTY', { field: 'body' });
  const claimed = claimedType(req);
  if (!(IMAGE_TYPES as readonly string[]).includes(claimed)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_TYPE_NOT_ALLOWED', { params: { type: claimed || '—', types: ALLOWED } });
  }
  const actual = sniffImageType(body);
  if (!actual) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_NOT_IMAGE', { params: { types: ALLOWED } });
  if (actual !== claimed) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_TYPE_MISMATCH', {
      params: { claimed: TYPE_LABEL[claimed as TImageType], actual: TYPE_LABEL[actual] },
    });
  }
  const ext = name?.includes('.') ? name.split('.').at(-1)?.toLowerCase() : undefined;
  if (name !== undefined && !(ext && EXTENSIONS[actual].includes(ext))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_NAME_MISMATCH', { field: 'name', params: { name, actual: TYPE_LABEL[actual] } });
  }
  const info = readImageInfo(body);
  if (!info) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_UNREADABLE', { params: { actual: TYPE_LABEL[actual] } });
  if (info.mime !== 'image/jpeg') return { ...info, bytes: body };
  // EXIF (camera, time, GPS position) and other metadata never reach the store, whatever the client did.
  const clean = stripJpegMetadata(body);
  if (!clean) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_UNREADABLE', { params: { actual: TYPE_LABEL[actual] } });
  return { ...info, bytes: clean };
};

export type TDocumentUpload = { mime: TDocumentType; width: number | null; height: number | null; bytes: Buffer };

const DOCUMENT_LABELS = [...IMAGE_TYPES.map((m) => TYPE_LABEL[m]), 'PDF'].join(', ');

/**
 * A document upload (a circular's attachment): an image as `readImageUpload` checks it, or a PDF —
 * bytes that begin `%PDF-`, sent as `application/pdf`, named `.pdf` when named at all.
 */
export const readDocumentUpload = (req: FastifyRequest, name?: string): TDocumentUpload => {
  const claimed = claimedType(req);
  if (claimed !== 'application/pdf') {
    if (!(DOCUMENT_TYPES as readonly string[]).includes(claimed)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_TYPE_NOT_ALLOWED', { params: { type: claimed || '—', types: DOCUMENT_LABELS } });
    }
    return readImageUpload(req, name);
  }
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('VALIDATION', 'FILE_EMPTY', { field: 'body' });
  if (body.toString('latin1', 0, 5) !== '%PDF-') {
    const actual = sniffImageType(body);
    if (actual)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_TYPE_MISMATCH', { params: { claimed: 'PDF', actual: TYPE_LABEL[actual] } });
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_NOT_PDF');
  }
  const ext = name?.includes('.') ? name.split('.').at(-1)?.toLowerCase() : undefined;
  if (name !== undefined && ext !== 'pdf')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'FILE_NAME_MISMATCH', { field: 'name', params: { name, actual: 'PDF' } });
  return { mime: 'application/pdf', width: null, height: null, bytes: body };
};
