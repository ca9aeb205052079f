import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { writeOutbox } from './outbox';

export type TSmsMeta = {
  /** Why the message is sent, e.g. `otp:self-enrol`. */
  purpose: string;
  /** The unit the message concerns: decides which admins see it in the outbox. */
  unitId?: number | null;
};
export type TSmsReceipt = { provider: string; status: 'held' | 'sent' | 'failed' };

/** Sends one SMS. Operations take a provider as a parameter; tests pass a capturing one. */
export type TSmsProvider = {
  readonly name: string;
  send: (to: string, body: string, meta: TSmsMeta) => Promise<TSmsReceipt>;
};

/**
 * The default: nothing leaves the machine. Each message is written to `sms_outbox` with status
 * `held`, where admins (and tests) read it. Demos and tests never send real SMS.
 */
export const createOutboxProvider = (db: Kysely<DB>): TSmsProvider => ({
  name: 'outbox',
  send: async (to, body, meta) => {
    await writeOutbox(db, { toPhone: to, body, purpose: meta.purpose, unitId: meta.unitId ?? null, provider: 'outbox', status: 'held' });
    return { provider: 'outbox', status: 'held' };
  },
});

export type THttpSmsOptions = { url: string; token: string; fetch?: typeof fetch; timeoutMs?: number };

/**
 * A real gateway: POSTs `{ to, body, purpose }` as JSON with `Authorization: Bearer <token>`. Any
 * non-2xx answer or timeout throws, so the caller's request fails visibly. It writes no outbox row:
 * the outbox would otherwise show admins live OTP codes.
 */
export const createHttpSmsProvider = (opts: THttpSmsOptions): TSmsProvider => {
  const doFetch = opts.fetch ?? fetch;
  return {
    name: 'http',
    send: async (to, body, meta) => {
      const res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
        body: JSON.stringify({ to, body, purpose: meta.purpose }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      return { provider: 'http', status: 'sent' };
    },
  };
};

/**
 * The one place a provider is chosen: the HTTP gateway when SAMITI_SMS_URL (and SAMITI_SMS_TOKEN)
 * are set, else the outbox.
 */
export const smsProviderFromEnv = (db: Kysely<DB>, env: NodeJS.ProcessEnv = process.env): TSmsProvider => {
  const url = env.SAMITI_SMS_URL?.trim();
  if (!url) return createOutboxProvider(db);
  const token = env.SAMITI_SMS_TOKEN?.trim();
  if (!token) throw new Error('SAMITI_SMS_URL is set but SAMITI_SMS_TOKEN is not');
  return createHttpSmsProvider({ url, token });
};
