import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

// Tables of migration 0020, typed here so the shared DB type stays as it was.
export type AspirantDocumentTable = {
  id: Generated<number>;
  aspirant_id: number;
  file_id: number;
  name: string;
  label: string | null;
  uploaded_by: number | null;
  created_at: Timestamp;
  removed_at: Date | null;
  removed_by: number | null;
};
export type ElectionImportJobTable = {
  id: Generated<number>;
  election_id: number;
  kind: 'results' | 'booth-results';
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  user_id: number;
  locale: Generated<string>;
  file_name: string | null;
  file: Buffer | null;
  options: Json;
  processed: Generated<number>;
  total: Generated<number>;
  report: Json;
  error: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
};
export type ElectionTables = { aspirant_document: AspirantDocumentTable; election_import_job: ElectionImportJobTable };
export type EDB = DB & ElectionTables;

export const edb = (db: Kysely<DB>): Kysely<EDB> => db.withTables<ElectionTables>();
export const etrx = (trx: Transaction<DB>): Transaction<EDB> => trx.withTables<ElectionTables>();
