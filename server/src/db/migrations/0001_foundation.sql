-- Foundation: geography (reference data), the organisational tree, users, sessions, audit.
-- Runs unchanged on PGlite and PostgreSQL. Forward only: never edit once merged.

create extension if not exists pg_trgm;

-- Geography: states, PCs, ACs and districts in one table so a unit can point at any of them
-- with one foreign key. Codes: S24, S24-PC-3, S24-AC-12, DIST-133.
create table geo_area (
  code text primary key,
  kind text not null check (kind in ('state', 'pc', 'ac', 'district')),
  state_code text references geo_area (code),
  number int,
  pc_code text references geo_area (code),
  name text not null,
  name_hi text,
  name_hi_derived boolean not null default false,
  reservation text,
  is_ut boolean not null default false,
  lgd_code int,
  census2011 text,
  search_key text not null default ''
);
create index geo_area_state_kind_idx on geo_area (state_code, kind, number);
create index geo_area_pc_idx on geo_area (pc_code);
create index geo_area_search_idx on geo_area using gin (search_key gin_trgm_ops);

create table geo_ac_district (
  ac_code text not null references geo_area (code),
  district_code text not null references geo_area (code),
  ordinal smallint not null,
  primary key (ac_code, district_code)
);
create index geo_ac_district_district_idx on geo_ac_district (district_code);

create table polling_station (
  id bigint generated always as identity primary key,
  ac_code text not null references geo_area (code),
  part_number int not null check (part_number > 0),
  name text not null,
  name_hi text,
  lat double precision,
  lon double precision,
  search_key text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (ac_code, part_number)
);

-- Organisation
create table org_level (
  key text primary key,
  rank int not null unique,
  name text not null,
  name_hi text not null,
  geo_kind text check (geo_kind in ('state', 'pc', 'ac', 'district', 'ps'))
);

create table wing (
  key text primary key,
  name text not null,
  name_hi text not null,
  root_unit_id bigint,
  created_at timestamptz not null default now()
);

create sequence unit_id_seq;
-- path is the chain of ids from the wing's root, '/1/23/456/'. Its "C" collation lets a btree
-- answer a subtree as one range scan: path >= '/1/23/' and path < '/1/23/~'.
create table unit (
  id bigint primary key default nextval('unit_id_seq'),
  parent_id bigint references unit (id),
  wing text not null references wing (key),
  level text not null references org_level (key),
  name text not null,
  name_hi text,
  path text collate "C" not null,
  depth int not null,
  sort_key text collate "C" not null,
  search_key text not null default '',
  geo_code text references geo_area (code),
  polling_station_id bigint references polling_station (id),
  child_count int not null default 0,
  descendant_count int not null default 0,
  deleted_at timestamptz,
  deletion_id bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (length(name) <= 200 and length(name_hi) <= 200)
);
create unique index unit_path_idx on unit (path);
create index unit_children_idx on unit (parent_id, sort_key, id) where deleted_at is null;
create unique index unit_sibling_name_idx on unit (parent_id, lower(name)) where deleted_at is null;
create index unit_geo_idx on unit (geo_code) where geo_code is not null;
create index unit_ps_idx on unit (polling_station_id) where polling_station_id is not null;
create index unit_deletion_idx on unit (deletion_id) where deletion_id is not null;
create index unit_search_idx on unit using gin (search_key gin_trgm_ops);
alter table wing add constraint wing_root_fk foreign key (root_unit_id) references unit (id);
create index wing_root_idx on wing (root_unit_id);
create unique index unit_one_root_per_wing on unit (wing) where parent_id is null;

-- Users and sessions
create table app_user (
  id bigint generated always as identity primary key,
  username text not null,
  display_name text not null,
  password_hash text not null,
  locale text not null default 'en' check (locale in ('en', 'hi')),
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index app_user_username_idx on app_user (lower(username));

create table role_grant (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user (id),
  role text not null check (role in ('national-admin', 'admin', 'office-bearer', 'data-entry', 'viewer')),
  unit_id bigint references unit (id),
  created_at timestamptz not null default now(),
  check ((role = 'national-admin') = (unit_id is null))
);
create index role_grant_user_idx on role_grant (user_id);
create index role_grant_unit_idx on role_grant (unit_id);

create table user_session (
  token_hash text primary key,
  user_id bigint not null references app_user (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session (user_id);

-- Audit: one row per change, written in the same transaction as the change.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id bigint references app_user (id),
  actor_label text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  request_id text
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
create index audit_log_actor_idx on audit_log (actor_user_id);

insert into org_level (key, rank, name, name_hi, geo_kind) values
  ('national', 0, 'National', 'राष्ट्रीय', null),
  ('state', 20, 'State', 'प्रदेश', 'state'),
  ('region', 30, 'Region', 'क्षेत्र', null),
  ('division', 40, 'Division', 'संभाग', null),
  ('district', 50, 'District', 'जिला', 'district'),
  ('assembly', 60, 'Assembly', 'विधानसभा', 'ac'),
  ('mandal', 70, 'Mandal', 'मंडल', null),
  ('shakti-kendra', 80, 'Shakti kendra', 'शक्ति केंद्र', null),
  ('booth', 90, 'Booth', 'बूथ', 'ps');
