import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export type GeoAreaTable = {
  code: string;
  kind: 'state' | 'pc' | 'ac' | 'district';
  state_code: string | null;
  number: number | null;
  pc_code: string | null;
  name: string;
  name_hi: string | null;
  name_hi_derived: Generated<boolean>;
  reservation: string | null;
  is_ut: Generated<boolean>;
  lgd_code: number | null;
  census2011: string | null;
  search_key: Generated<string>;
};

export type GeoAcDistrictTable = { ac_code: string; district_code: string; ordinal: number };

export type PollingStationTable = {
  id: Generated<number>;
  ac_code: string;
  part_number: number;
  name: string;
  name_hi: string | null;
  lat: number | null;
  lon: number | null;
  search_key: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OrgLevelTable = { key: string; rank: number; name: string; name_hi: string; geo_kind: string | null };
export type WingTable = { key: string; name: string; name_hi: string; root_unit_id: number | null; created_at: Timestamp };

export type UnitTable = {
  id: Generated<number>;
  parent_id: number | null;
  wing: string;
  level: string;
  name: string;
  name_hi: string | null;
  path: string;
  depth: number;
  sort_key: string;
  search_key: Generated<string>;
  geo_code: string | null;
  polling_station_id: number | null;
  child_count: Generated<number>;
  descendant_count: Generated<number>;
  deleted_at: Date | null;
  deletion_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AppUserTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  locale: Generated<'en' | 'hi'>;
  disabled_at: Date | null;
  created_at: Timestamp;
};

export type RoleGrantTable = {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number | null;
  created_at: Timestamp;
};

export type UserSessionTable = { token_hash: string; user_id: number; created_at: Timestamp; expires_at: Date };

export type AuditLogTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json;
  after: Json;
  request_id: string | null;
};

export type PersonTable = {
  id: Generated<number>;
  name: string | null;
  name_hi: string | null;
  derived_name: 'name' | 'nameHi' | null;
  gender: 'female' | 'male' | 'other' | null;
  birth_year: number | null;
  phone: string;
  epic: string | null;
  home_unit_id: number;
  merged_into: Generated<number | null>;
  consent_purpose: string;
  consent_date: string;
  consent_method: 'written' | 'verbal' | 'online' | 'sms-otp';
  search_key: Generated<string>;
  deleted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PostTemplateTable = { level: string; post_key: string; name: string; name_hi: string; seats: number; sort: number };

export type TenureTable = {
  id: Generated<number>;
  unit_id: number;
  post_key: string;
  person_id: number;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  created_at: Timestamp;
};

export type ImportJobTable = {
  id: Generated<number>;
  kind: 'people-posts';
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  user_id: number;
  locale: Generated<string>;
  file_name: string | null;
  file: Uint8Array | null;
  options: Json;
  processed: Generated<number>;
  total: Generated<number>;
  report: Json;
  error: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
};

export type PersonMergeTable = {
  id: Generated<number>;
  source_id: number;
  target_id: number;
  moved_tenures: number[];
  moved_memberships: number[];
  moved_enrolments: number[];
  merged_by: number | null;
  merged_at: Timestamp;
  undone_at: Date | null;
  undone_by: number | null;
};

export type DB = {
  person_merge: PersonMergeTable;
  import_job: ImportJobTable;
  person: PersonTable;
  post_template: PostTemplateTable;
  tenure: TenureTable;
  geo_area: GeoAreaTable;
  geo_ac_district: GeoAcDistrictTable;
  polling_station: PollingStationTable;
  org_level: OrgLevelTable;
  wing: WingTable;
  unit: UnitTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
};

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
