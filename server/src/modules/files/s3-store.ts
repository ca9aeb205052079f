import { createHash, createHmac } from 'node:crypto';
import type { TFileStore } from './storage';

/**
 * The file store over any S3-compatible object store (AWS S3, MinIO, Ceph, R2, …): plain `fetch`
 * and AWS Signature Version 4 computed here with node:crypto (no SDK). Objects live under
 * `<prefix>ab/cd/<sha256>`, the same layout as the disk store.
 */

export type TS3StoreOptions = {
  /** e.g. `https://s3.ap-south-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. `samiti/` (a trailing `/` is not added for you). */
  prefix?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; default true unless the endpoint is AWS. */
  forcePathStyle?: boolean;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
  /** For tests: the signing time. */
  now?: () => Date;
};

const SHA256 = /^[0-9a-f]{64}$/;
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper-case hex). */
export const uriEncode = (value: string, keepSlash = false) =>
  Array.from(Buffer.from(value, 'utf8'))
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c) || (keepSlash && c === '/')) return c;
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

export type TSignInput = {
  method: string;
  /** Already URI-encoded path, e.g. `/bucket/ab/cd/abcd…` (S3 encodes each segment once). */
  path: string;
  /** Decoded query parameters. */
  query?: Record<string, string>;
  /** Headers to sign; `host` and `x-amz-date` must be among them. Names are compared lower-cased. */
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** The pieces of a Signature V4 computation (the canonical request is exposed for tests and debugging). */
export const signV4 = (input: TSignInput) => {
  const headers = Object.entries(input.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const amzDate = headers.find(([k]) => k === 'x-amz-date')?.[1];
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) throw new Error('x-amz-date header (YYYYMMDDTHHMMSSZ) is required to sign');
  const signedHeaders = headers.map(([k]) => k).join(';');
  const canonicalQuery = Object.entries(input.query ?? {})
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    input.method,
    input.path || '/',
    canonicalQuery,
    headers.map(([k, v]) => `${k}:${v}\n`).join(''),
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  const authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
};

/** `20130524T000000Z` for a Date. */
export const amzDateOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** An S3 call that did not succeed: the HTTP status and S3's error code (from the XML body, when there is one). */
export class S3Error extends Error {
  constructor(
    readonly method: string,
    readonly key: string,
    readonly status: number,
    readonly code: string | null,
    detail: string | null,
  ) {
    super(`S3 ${method} ${key} failed: HTTP ${status}${code ? ` ${code}` : ''}${detail ? ` (${detail})` : ''}`);
    this.name = 'S3Error';
  }
}

const xmlTag = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m?.[1] ? m[1].slice(0, 200) : null;
};

const isAws = (host: string) => /(^|\.)amazonaws\.com(\.cn)?$/i.test(host);

export const createS3FileStore = (opts: TS3StoreOptions): TFileStore => {
  const base = new URL(opts.endpoint);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`S3 endpoint must be http(s): ${opts.endpoint}`);
  const pathStyle = opts.forcePathStyle ?? !isAws(base.hostname);
  const prefix = opts.prefix ?? '';
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? (() => new Date());
  const basePath = base.pathname.replace(/\/+$/, '');
  const host = pathStyle ? base.host : `${opts.bucket}.${base.host}`;

  const keyOf = (sha256: string) => {
    // The name becomes a key: refuse anything but a hash, like the disk store.
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
    return `${prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };

  const once = async (method: string, key: string, body?: Buffer) => {
    const encodedPath = `${basePath}${pathStyle ? `/${uriEncode(opts.bucket)}` : ''}/${uriEncode(key, true)}`;
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const headers: Record<string, string> = {
      host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDateOf(now()),
    };
    if (body) {
      headers['content-md5'] = createHash('md5').update(body).digest('base64');
      headers['content-type'] = 'application/octet-stream';
    }
    const { authorization } = signV4({
      method,
      path: encodedPath,
      headers,
      payloadHash,
      region: opts.region,
      service: 's3',
      accessKeyId: opts.accessKeyId,
      secretAccessKey: opts.secretAccessKey,
    });
    const { host: _host, ...sent } = headers; // fetch sets Host from the URL (the same value)
    return doFetch(`${base.protocol}//${host}${encodedPath}`, {
      method,
      headers: { ...sent, authorization, ...(body ? { 'content-length': String(body.length) } : {}) },
      body: body ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  };

  /** One retry on a 5xx or a network error/timeout; anything else is returned as is. */
  const request = async (method: string, key: string, body?: Buffer) => {
    let res: Response;
    try {
      res = await once(method, key, body);
    } catch {
      return once(method, key, body);
    }
    if (res.status >= 500) {
      await res.arrayBuffer().catch(() => undefined);
      return once(method, key, body);
    }
    return res;
  };

  const fail = async (method: string, key: string, res: Response): Promise<never> => {
    const text = method === 'HEAD' ? '' : await res.text().catch(() => '');
    throw new S3Error(method, key, res.status, xmlTag(text, 'Code'), xmlTag(text, 'Message'));
  };

  return {
    put: async (sha256, bytes) => {
      const key = keyOf(sha256);
      const head = await request('HEAD', key);
      if (head.ok) return; // same content, already stored
      if (head.status !== 404) await fail('HEAD', key, head);
      const res = await request('PUT', key, bytes);
      if (!res.ok) await fail('PUT', key, res);
      await res.arrayBuffer();
    },
    get: async (sha256) => {
      const key = keyOf(sha256);
      const res = await request('GET', key);
      if (res.status === 404) {
        await res.arrayBuffer().catch(() => undefined);
        return null;
      }
      if (!res.ok) await fail('GET', key, res);
      return Buffer.from(await res.arrayBuffer());
    },
    delete: async (sha256) => {
      const key = keyOf(sha256);
      const res = await request('DELETE', key);
      if (res.status === 404 || res.ok) {
        await res.arrayBuffer().catch(() => undefined);
        return;
      }
      await fail('DELETE', key, res);
    },
  };
};

/**
 * The S3 settings from the environment: null when SAMITI_S3_BUCKET is unset (use the disk store);
 * throws naming the missing variable when the configuration is only half there.
 */
export const readS3Config = (env: NodeJS.ProcessEnv = process.env): TS3StoreOptions | null => {
  const get = (name: string) => env[name]?.trim() || undefined;
  const bucket = get('SAMITI_S3_BUCKET');
  const others = ['SAMITI_S3_ENDPOINT', 'SAMITI_S3_ACCESS_KEY_ID', 'SAMITI_S3_SECRET_ACCESS_KEY'];
  if (!bucket) {
    const stray = [...others, 'SAMITI_S3_PREFIX', 'SAMITI_S3_REGION', 'SAMITI_S3_PATH_STYLE'].filter((n) => get(n));
    if (stray.length) throw new Error(`S3 storage is half configured: ${stray.join(', ')} set but SAMITI_S3_BUCKET is missing`);
    return null;
  }
  const missing = others.filter((n) => !get(n));
  if (missing.length)
    throw new Error(
      `S3 storage is half configured: SAMITI_S3_BUCKET is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
    );
  const endpoint = get('SAMITI_S3_ENDPOINT') as string;
  try {
    new URL(endpoint);
  } catch {
    throw new Error(`SAMITI_S3_ENDPOINT is not a URL: ${endpoint}`);
  }
  const pathStyle = get('SAMITI_S3_PATH_STYLE');
  if (pathStyle && !/^(true|false|1|0)$/i.test(pathStyle))
    throw new Error(`SAMITI_S3_PATH_STYLE must be true or false, got "${pathStyle}"`);
  return {
    endpoint,
    bucket,
    region: get('SAMITI_S3_REGION') ?? 'us-east-1',
    accessKeyId: get('SAMITI_S3_ACCESS_KEY_ID') as string,
    secretAccessKey: get('SAMITI_S3_SECRET_ACCESS_KEY') as string,
    prefix: env.SAMITI_S3_PREFIX ?? undefined,
    forcePathStyle: pathStyle ? /^(true|1)$/i.test(pathStyle) : undefined,
  };
};
