import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { SmsOutboxTable } from '../notify/outbox';

// Table types of migrations 0003 and 0008, added to the shared DB type with `withTables` so this module
// owns them until they move into db/types.ts.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type MembershipDriveTable = {
  id: Generated<number>;
  unit_id: number;
  name: string;
  name_hi: string | null;
  starts_on: string;
  ends_on: string;
  active_rule_min_verified: Generated<number>;
  allow_self_enrol: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DriveTargetTable = { drive_id: number; unit_id: number; target: number; updated_at: Timestamp };

export type MembershipTable = {
  id: Generated<number>;
  drive_id: number;
  person_id: number;
  unit_id: number;
  enrolled_by_user: number | null;
  enrolled_by_person: number | null;
  channel: 'enroller' | 'self';
  status: Generated<'pending' | 'verified' | 'rejected'>;
  method: 'otp' | 'epic' | 'photo' | null;
  rejection_reason: string | null;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DriveUnitCountTable = {
  drive_id: number;
  unit_id: number;
  enrolled: Generated<number>;
  verified: Generated<number>;
  rejected: Generated<number>;
};

export type DriveEnrollerCountTable = {
  drive_id: number;
  unit_id: number;
  enroller_kind: 'person' | 'user';
  enroller_id: number;
  enrolled: Generated<number>;
  verified: Generated<number>;
};

export type DriveCountDeltaTable = {
  id: Generated<number>;
  drive_id: number;
  unit_id: number;
  enroller_kind: 'person' | 'user' | null;
  enroller_id: number | null;
  enrolled: Generated<number>;
  verified: Generated<number>;
  rejected: Generated<number>;
  created_at: Timestamp;
};

export type OtpChallengeTable = {
  id: Generated<number>;
  phone: string;
  purpose: string;
  drive_id: number | null;
  seat_id: Generated<number | null>;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Date;
  attempts: Generated<number>;
  consumed_at: Date | null;
};

export type MembershipTables = {
  membership_drive: MembershipDriveTable;
  drive_target: DriveTargetTable;
  membership: MembershipTable;
  drive_unit_count: DriveUnitCountTable;
  drive_enroller_count: DriveEnrollerCountTable;
  drive_count_delta: DriveCountDeltaTable;
  sms_outbox: SmsOutboxTable;
  otp_challenge: OtpChallengeTable;
};

export type MDB = DB & MembershipTables;

/** The database handle with this module's tables typed. */
export const mdb = (db: Kysely<DB>): Kysely<MDB> => db.withTables<MembershipTables>();
export const mtrx = (trx: Transaction<DB>): Transaction<MDB> => trx.withTables<MembershipTables>();
