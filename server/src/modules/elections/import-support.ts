import type { TImportReport } from '@samiti/common';
import type { Transaction } from 'kysely';
import type { TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { type TMessageKey, type TParams, t } from '../../i18n/messages';
import { headerKey } from '../../lib/csv';
import { normalisePartyName, slugParty } from './party-names';

export type TRowErrors = TImportReport['errors'];

/** Collects row errors in the caller's language. */
export const errorList = (ctx: Pick<TCtx, 'locale'>) => {
  const errors: TRowErrors = [];
  const add = (line: number, key: TMessageKey, params: TParams = {}, field?: string) =>
    errors.push({ line, field, message: t(ctx.locale, key, params) });
  return { errors, add };
};

/** The index of the first header matching one of `names` (English or Hindi, spacing and case ignored), else -1. */
export const findColumn = (header: string[], names: string[]) => {
  const keys = header.map(headerKey);
  for (const n of names) {
    const i = keys.indexOf(headerKey(n));
    if (i >= 0) return i;
  }
  return -1;
};

/** A whole number of votes, zero or more, written with or without Indian digit grouping. */
export const parseVotes = (raw: string): number | null => {
  const s = raw.trim().replace(/,/g, '');
  if (!/^\d{1,9}$/.test(s)) return null;
  return Number(s);
};

/** A positive whole number (serial, part, AC number), else null. */
export const parsePositive = (raw: string): number | null => (/^\d{1,7}$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : null);

/** All-or-nothing: a report with errors is a 400 when it was meant to write (nothing was). */
export const refuseIfErrors = (report: TImportReport) => {
  if (report.errors.length && !report.isDryRun) {
    throw new AppError('VALIDATION', 'RESULTS_ROWS_INVALID', { field: 'file', params: { count: report.errors.length }, extra: { report } });
  }
};

/**
 * Resolves party names from a file to keys: known parties by key or any folded alias; unknown names
 * become new parties (returned so the report can list them, created only when the import writes).
 */
export const partyResolver = async (db: Transaction<DB> | TCtx['db'], names: string[]) => {
  const folded = [...new Set(names.map(normalisePartyName).filter(Boolean))];
  const keys = [...new Set(names.map((n) => n.trim().toLowerCase()))];
  const known = new Map<string, string>();
  if (folded.length) {
    const rows = await db.selectFrom('party_alias').select(['folded', 'party_key']).where('folded', 'in', folded).execute();
    for (const r of rows) known.set(r.folded, r.party_key);
    const byKey = await db.selectFrom('party').select('key').where('key', 'in', keys).execute();
    for (const r of byKey) if (!known.has(normalisePartyName(r.key))) known.set(normalisePartyName(r.key), r.key);
  }
  const created = new Map<string, { key: string; name: string }>();
  const keyOf = (name: string) => {
    const f = normalisePartyName(name);
    const k = known.get(f);
    if (k) return k;
    const fresh = created.get(f) ?? { key: slugParty(name) || `party-${f}`, name: name.trim() };
    created.set(f, fresh);
    return fresh.key;
  };
  const createNew = async (trx: Transaction<DB>) => {
    for (const [f, p] of created) {
      await trx
        .insertInto('party')
        .values({ key: p.key, name: p.name, short_name: null, name_hi: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      await trx
        .insertInto('party_alias')
        .values({ folded: f, party_key: p.key })
        .onConflict((oc) => oc.column('folded').doNothing())
        .execute();
    }
  };
  return { keyOf, createNew, newNames: () => [...created.values()].map((p) => p.name) };
};

export const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
