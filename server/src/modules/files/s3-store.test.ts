import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no types; it is only the protocol peer of these tests
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { sha256Of } from './operations';
import { createS3FileStore, EMPTY_SHA256, readS3Config, S3Error, signV4, type TS3StoreOptions } from './s3-store';
import { uniqueJpeg } from './test-images';

describe('Signature V4', () => {
  // AWS's documented example "GET Object" (S3 API reference, "Signature Calculations for the
  // Authorization Header: Transferring Payload in a Single Chunk"), values typed from the docs.
  it('matches the published S3 GET Object example', () => {
    const signed = signV4({
      method: 'GET',
      path: '/test.txt',
      headers: {
        Host: 'examplebucket.s3.amazonaws.com',
        Range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  // The general SigV4 docs' example (IAM ListUsers), which also exercises the query string.
  it('matches the published IAM ListUsers example (query string, header whitespace)', () => {
    const signed = signV4({
      method: 'GET',
      path: '/',
      query: { Version: '2010-05-08', Action: 'ListUsers' },
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        Host: 'iam.amazonaws.com',
        'X-Amz-Date': '20150830T123600Z',
      },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 'iam',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    expect(signed.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/', 'Action=ListUsers&Version=2010-05-08']);
    expect(signed.signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });

  it('refuses to sign without x-amz-date', () => {
    expect(() =>
      signV4({
        method: 'GET',
        path: '/',
        headers: { host: 'h' },
        payloadHash: EMPTY_SHA256,
        region: 'r',
        service: 's3',
        accessKeyId: 'a',
        secretAccessKey: 's',
      }),
    ).toThrow(/x-amz-date/);
  });
});

describe('readS3Config', () => {
  const full = {
    SAMITI_S3_BUCKET: 'photos',
    SAMITI_S3_ENDPOINT: 'http://127.0.0.1:9000',
    SAMITI_S3_ACCESS_KEY_ID: 'key',
    SAMITI_S3_SECRET_ACCESS_KEY: 'secret',
  };
  it('is null without a bucket, with defaults when complete, and names what a half-set config lacks', () => {
    expect(readS3Config({})).toBeNull();
    expect(readS3Config(full)).toMatchObject({ bucket: 'photos', region: 'us-east-1', forcePathStyle: undefined, prefix: undefined });
    expect(
      readS3Config({ ...full, SAMITI_S3_REGION: 'ap-south-1', SAMITI_S3_PATH_STYLE: 'false', SAMITI_S3_PREFIX: 'samiti/' }),
    ).toMatchObject({
      region: 'ap-south-1',
      forcePathStyle: false,
      prefix: 'samiti/',
    });
    const { SAMITI_S3_SECRET_ACCESS_KEY: _s, ...noSecret } = full;
    expect(() => readS3Config(noSecret)).toThrow('SAMITI_S3_BUCKET is set but SAMITI_S3_SECRET_ACCESS_KEY is missing');
    const { SAMITI_S3_BUCKET: _b, ...noBucket } = full;
    expect(() => readS3Config(noBucket)).toThrow(/SAMITI_S3_BUCKET is missing/);
    expect(() => readS3Config({ ...full, SAMITI_S3_ENDPOINT: 'not a url' })).toThrow(/SAMITI_S3_ENDPOINT is not a URL/);
    expect(() => readS3Config({ ...full, SAMITI_S3_PATH_STYLE: 'maybe' })).toThrow(/SAMITI_S3_PATH_STYLE/);
  });
});

describe('addressing', () => {
  it('uses bucket.host on AWS endpoints and host/bucket elsewhere, unless told', async () => {
    const sha = sha256Of(Buffer.from('where'));
    const urls: string[] = [];
    const f: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(null, { status: 404 });
    };
    const base = { bucket: 'b', region: 'ap-south-1', accessKeyId: 'k', secretAccessKey: 's', fetch: f };
    const key = `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    await createS3FileStore({ ...base, endpoint: 'https://s3.ap-south-1.amazonaws.com' }).get(sha);
    await createS3FileStore({ ...base, endpoint: 'http://minio.local:9000/', prefix: 'a b/' }).get(sha);
    await createS3FileStore({ ...base, endpoint: 'https://s3.ap-south-1.amazonaws.com', forcePathStyle: true }).get(sha);
    expect(urls).toEqual([
      `https://b.s3.ap-south-1.amazonaws.com/${key}`,
      `http://minio.local:9000/b/a%20b/${key}`,
      `https://s3.ap-south-1.amazonaws.com/b/${key}`,
    ]);
  });

  it('the server picks the store from the environment and refuses a half-set one', async () => {
    const { openFileStore } = await import('../../bootstrap');
    const config = { port: 0, host: '127.0.0.1', dataDir: os.tmpdir(), databaseUrl: null, webDist: '' };
    expect(() => openFileStore(config, { SAMITI_S3_BUCKET: 'b', SAMITI_S3_ENDPOINT: 'http://127.0.0.1:1' })).toThrow(
      'SAMITI_S3_BUCKET is set but SAMITI_S3_ACCESS_KEY_ID, SAMITI_S3_SECRET_ACCESS_KEY are missing',
    );
    expect(openFileStore(config, {})).toBeDefined();
  });
});

// A real protocol peer: s3rver (objects, 404s, Content-MD5). s3rver 3.7 does not check V4
// signatures ("unimplemented" in its authentication middleware), so every request goes through a
// small proxy here first that DOES: it recomputes the signature with the secret only it and the
// store know (with `signV4`, itself pinned to AWS's published examples above), checks that
// x-amz-content-sha256 is the real hash of the body, and answers 403 SignatureDoesNotMatch (S3's
// XML error) otherwise; only then is the request forwarded to s3rver.
const SECRET = 'proxy-only-secret/K7MDENG';
let server: { close: () => Promise<void> };
let proxy: http.Server;
let dir: string;
let opts: TS3StoreOptions;
const verified = { ok: 0, rejected: 0 };

const s3ErrorXml = (res: http.ServerResponse, status: number, code: string) => {
  verified.rejected++;
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>rejected by the verifying proxy</Message></Error>`);
};

const startVerifyingProxy = (upstream: string) =>
  new Promise<http.Server>((resolve) => {
    const srv = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const m =
        /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
          req.headers.authorization ?? '',
        );
      if (!m) return s3ErrorXml(res, 403, 'AccessDenied');
      const [, accessKeyId = '', date = '', region = '', signedHeaders = '', signature = ''] = m;
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      if (payloadHash !== createHash('sha256').update(body).digest('hex')) return s3ErrorXml(res, 400, 'XAmzContentSHA256Mismatch');
      const names = signedHeaders.split(';');
      if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256'))
        return s3ErrorXml(res, 403, 'AccessDenied');
      const headers = Object.fromEntries(names.map((n) => [n, String(req.headers[n] ?? '')]));
      if ((headers['x-amz-date'] ?? '').slice(0, 8) !== date) return s3ErrorXml(res, 403, 'SignatureDoesNotMatch');
      const url = new URL(req.url ?? '/', 'http://proxy');
      const expected = signV4({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        payloadHash,
        region,
        service: 's3',
        accessKeyId,
        secretAccessKey: SECRET,
      });
      if (expected.signature !== signature) return s3ErrorXml(res, 403, 'SignatureDoesNotMatch');
      verified.ok++;
      const forward: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (!['host', 'connection', 'content-length'].includes(k) && typeof v === 'string') forward[k] = v;
      const up = await fetch(`${upstream}${req.url}`, { method: req.method, headers: forward, body: body.length ? body : undefined });
      const back: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (!['transfer-encoding', 'connection', 'content-encoding'].includes(k)) back[k] = v;
      });
      res.writeHead(up.status, back);
      res.end(Buffer.from(await up.arrayBuffer()));
    });
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiti-s3-'));
  const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'samiti-test' }] });
  const info: { port: number } = await s3.run();
  server = s3;
  proxy = await startVerifyingProxy(`http://127.0.0.1:${info.port}`);
  opts = {
    endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    bucket: 'samiti-test',
    region: 'ap-south-1',
    accessKeyId: 'S3RVER', // the account s3rver knows; the secret is checked by the proxy
    secretAccessKey: SECRET,
    prefix: 'uploads/',
  };
});
afterAll(async () => {
  await new Promise((r) => proxy?.close(r));
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fetch that records each call's method and path; `fail(n)` may answer or throw instead for the n-th call. */
const recording = (fail?: (n: number) => Response | Error | null) => {
  const calls: string[] = [];
  const f: typeof fetch = async (input, init) => {
    calls.push(`${init?.method} ${new URL(String(input)).pathname}`);
    const failure = fail?.(calls.length);
    if (failure instanceof Error) throw failure;
    if (failure) return failure;
    return fetch(input, init);
  };
  return { calls, fetch: f };
};

describe('createS3FileStore against s3rver', () => {
  it('puts, gets, answers null for what is missing, deletes, and puts the same content once', async () => {
    const rec = recording();
    const store = createS3FileStore({ ...opts, fetch: rec.fetch });
    const bytes = uniqueJpeg('s3-roundtrip');
    const sha = sha256Of(bytes);
    expect(await store.get(sha)).toBeNull();
    await store.put(sha, bytes);
    expect((await store.get(sha))?.equals(bytes)).toBe(true);
    const key = `/samiti-test/uploads/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    expect(rec.calls).toEqual([`GET ${key}`, `HEAD ${key}`, `PUT ${key}`, `GET ${key}`]);

    rec.calls.length = 0;
    await store.put(sha, bytes); // already there: HEAD only
    expect(rec.calls).toEqual([`HEAD ${key}`]);

    // The prefix is part of the key: another prefix does not see it.
    expect(await createS3FileStore({ ...opts, prefix: 'other/' }).get(sha)).toBeNull();

    await store.delete(sha);
    expect(await store.get(sha)).toBeNull();
    await store.delete(sha); // deleting what is not there is fine
    expect(verified.ok).toBeGreaterThan(0); // every call above passed the signature check
  });

  it('refuses names that are not a sha256, before any request', async () => {
    const rec = recording();
    const store = createS3FileStore({ ...opts, fetch: rec.fetch });
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a sha256/);
    await expect(store.put('ABC', Buffer.from('x'))).rejects.toThrow(/not a sha256/);
    await expect(store.delete(`${'a'.repeat(64)}/x`)).rejects.toThrow(/not a sha256/);
    expect(rec.calls).toEqual([]);
  });

  it('fails with the S3 status and code on a wrong secret, without the secret in the message', async () => {
    const rejectedBefore = verified.rejected;
    const store = createS3FileStore({ ...opts, secretAccessKey: 'wrong-secret-value' });
    const sha = sha256Of(Buffer.from('signed wrong'));
    const err = await store.get(sha).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(S3Error);
    expect(err).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect((err as Error).message).toMatch(/HTTP 403 SignatureDoesNotMatch/);
    expect((err as Error).message).not.toContain('wrong-secret-value');
    // HEAD has no body: the status alone.
    await expect(store.put(sha, Buffer.from('signed wrong'))).rejects.toThrow(/S3 HEAD .* failed: HTTP 403/);
    expect(verified.rejected - rejectedBefore).toBe(2);
  });

  it('is refused when the body or the key is changed after signing (the proxy checks both)', async () => {
    const bytes = Buffer.from('tampered body');
    const sha = sha256Of(bytes);
    const flipBody: typeof fetch = (input, init) => {
      if (!(init?.body instanceof Uint8Array)) return fetch(input, init);
      const copy = Uint8Array.from(init.body);
      copy[0] = (copy[0] ?? 0) ^ 1;
      return fetch(input, { ...init, body: copy });
    };
    await expect(createS3FileStore({ ...opts, fetch: flipBody }).put(sha, bytes)).rejects.toMatchObject({
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
    });
    const otherKey: typeof fetch = (input, init) => fetch(String(input).replace(/[0-9a-f]{64}$/, 'f'.repeat(64)), init);
    await expect(createS3FileStore({ ...opts, fetch: otherKey }).get(sha)).rejects.toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(await createS3FileStore(opts).get(sha)).toBeNull(); // nothing was stored
  });

  it('retries once on a 5xx or a network error, and reports a second 5xx', async () => {
    const bytes = Buffer.from('retried');
    const sha = sha256Of(bytes);
    const flaky = recording((n) =>
      n === 1 ? new Response('<Error><Code>SlowDown</Code></Error>', { status: 503 }) : n === 3 ? new TypeError('fetch failed') : null,
    );
    const store = createS3FileStore({ ...opts, fetch: flaky.fetch });
    await store.put(sha, bytes); // HEAD 503, HEAD 404, PUT network error, PUT ok
    expect(flaky.calls.map((c) => c.split(' ')[0])).toEqual(['HEAD', 'HEAD', 'PUT', 'PUT']);
    expect((await store.get(sha))?.toString()).toBe('retried');

    const down = recording(
      () => new Response('<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>', { status: 500 }),
    );
    const err = await createS3FileStore({ ...opts, fetch: down.fetch })
      .get(sha)
      .catch((e: unknown) => e);
    expect(down.calls).toHaveLength(2);
    expect(err).toMatchObject({ status: 500, code: 'InternalError' });
    expect((err as Error).message).toBe(
      `S3 GET uploads/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha} failed: HTTP 500 InternalError (We encountered an internal error.)`,
    );
  });

  it('gives up after the timeout (twice: one retry)', async () => {
    const calls: string[] = [];
    const slow: typeof fetch = (_input, init) => {
      calls.push(String(init?.method));
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const store = createS3FileStore({ ...opts, fetch: slow, timeoutMs: 50 });
    await expect(store.get(sha256Of(Buffer.from('slow')))).rejects.toThrow(/timeout|aborted/i);
    expect(calls).toEqual(['GET', 'GET']);
  });
});

describe('photos through the HTTP API on the S3 store', () => {
  let h: THarness;
  beforeAll(async () => {
    h = await createHarness({ fileStore: createS3FileStore(opts) });
  });

  it('a person photo uploaded through the API lands in the bucket and is served by GET /api/v1/files/:id', async () => {
    const admin = (await h.login('national-admin')).cookie;
    const person = await h.person();
    const image = uniqueJpeg('s3-person-photo');
    const up = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${person.id}/photo`,
      payload: image,
      headers: { cookie: admin, 'content-type': 'image/jpeg' },
    });
    expect(up.statusCode).toBe(200);
    const fileId = up.json().photoFileId as number;
    const row = await h.db.selectFrom('stored_file').select('sha256').where('id', '=', fileId).executeTakeFirstOrThrow();
    // In the bucket (read with a separate store), not on disk.
    const inBucket = await createS3FileStore(opts).get(row.sha256 as string);
    expect(inBucket).not.toBeNull();
    expect(fs.readdirSync(h.filesDir)).toEqual([]);

    const served = await h.app.inject({ method: 'GET', url: `/api/v1/files/${fileId}`, headers: { cookie: admin } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(inBucket as Buffer)).toBe(true);
    expect(served.headers.etag).toBe(`"${row.sha256}"`);
  });
});
