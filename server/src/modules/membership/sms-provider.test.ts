import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/types';
import { createHttpSmsProvider, smsProviderFromEnv } from '../notify/sms';

// The HTTP adapter is exercised against a fake fetch: tests never send a real SMS.
describe('SMS providers', () => {
  it('the HTTP provider POSTs JSON with a bearer token and fails loudly on a non-2xx answer', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    let status = 202;
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response('{}', { status });
    }) as typeof fetch;
    const provider = createHttpSmsProvider({ url: 'https://sms.example/send', token: 'tok-1', fetch: fakeFetch });
    expect(await provider.send('+919876543210', 'hello', { purpose: 'otp:self-enrol' })).toEqual({ provider: 'http', status: 'sent' });
    expect(calls[0]?.url).toBe('https://sms.example/send');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({ authorization: 'Bearer tok-1', 'content-type': 'application/json' });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ to: '+919876543210', body: 'hello', purpose: 'otp:self-enrol' });
    status = 500;
    await expect(provider.send('+919876543210', 'x', { purpose: 'p' })).rejects.toThrow(/500/);
  });

  it('is chosen from the environment in one place: outbox by default, HTTP when configured', () => {
    const db = {} as Kysely<DB>;
    expect(smsProviderFromEnv(db, {}).name).toBe('outbox');
    expect(smsProviderFromEnv(db, { SAMITI_SMS_URL: 'https://sms.example/send', SAMITI_SMS_TOKEN: 't' }).name).toBe('http');
    expect(() => smsProviderFromEnv(db, { SAMITI_SMS_URL: 'https://sms.example/send' })).toThrow(/SAMITI_SMS_TOKEN/);
  });
});
