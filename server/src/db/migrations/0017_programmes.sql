-- Programmes (karyakram) rolled out across constituencies: a programme of a unit with phases and
-- audience segments, its instances (one per PC, AC or unit of a level, keyed so a second roll-out
-- adds nothing), clusters of instance targets with a cluster in-charge, a team per instance and the
-- report. In-charges are tenures linked to the instance or cluster, so they show in a person's post
-- history. Progress is counted, not scanned: `programme_tally` per (phase, all / state / cluster),
-- and the unit-tree drill-down reuses the directives' `rollup_count` with subject 'programme'.

-- Who an event is FOR (never an attribute of a person). Configurable: rows, not an enum.
create table audience_segment (
  key text primary key check (key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name text not null check (length(name) between 1 and 100),
  name_hi text not null check (length(name_hi) between 1 and 100),
  sort int not null default 0,
  archived_at timestamptz
);
insert into audience_segment (key, name, name_hi, sort) values
  ('intellectuals', 'Intellectuals', 'बुद्धिजीवी', 10),
  ('doctors', 'Doctors', 'चिकित्सक', 20),
  ('lawyers', 'Lawyers', 'अधिवक्ता', 30),
  ('teachers', 'Teachers', 'शिक्षक', 40),
  ('unions', 'Trade unions', 'श्रमिक संगठन', 50),
  ('sports-persons', 'Sports persons', 'खिलाड़ी', 60),
  ('influencers', 'Influencers', 'प्रभावशाली व्यक्ति', 70),
  ('women-beneficiaries', 'Women beneficiaries', 'महिला लाभार्थी', 80),
  ('religious-scholars', 'Religious scholars', 'धर्माचार्य', 90),
  ('general', 'General public', 'आम जनता', 100);

create table programme (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  name text not null check (length(name) between 1 and 200),
  name_hi text not null check (length(name_hi) between 1 and 200),
  description text check (length(description) <= 4000),
  wing text references wing (key),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index programme_unit_idx on programme (unit_id, id desc);
create index programme_wing_idx on programme (wing) where wing is not null;
create index programme_created_by_idx on programme (created_by) where created_by is not null;

create table programme_segment (
  programme_id bigint not null references programme (id),
  segment_key text not null references audience_segment (key),
  primary key (programme_id, segment_key)
);
create index programme_segment_key_idx on programme_segment (segment_key);

-- A phase has its own identity so its counters can use it as the roll-up subject id.
create table programme_phase (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  number int not null check (number between 1 and 20),
  name text not null check (length(name) between 1 and 200),
  name_hi text not null check (length(name_hi) between 1 and 200),
  due_date date,
  unique (programme_id, number)
);

-- One row per roll-out request that created something (or nothing: a repeat is recorded too).
create table programme_rollout (
  id bigint generated always as identity primary key,
  phase_id bigint not null references programme_phase (id),
  under_unit_id bigint not null references unit (id),
  target_kind text not null check (target_kind in ('pc', 'ac', 'level', 'list')),
  target_level text references org_level (key),
  created int not null check (created >= 0),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index programme_rollout_phase_idx on programme_rollout (phase_id, id);
create index programme_rollout_unit_idx on programme_rollout (under_unit_id);
create index programme_rollout_level_idx on programme_rollout (target_level) where target_level is not null;
create index programme_rollout_created_by_idx on programme_rollout (created_by) where created_by is not null;

-- Clusters group the targets of a programme ('pc:S24-PC-3', 'unit:42') under a cluster in-charge.
create table programme_cluster (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  name text not null check (length(name) between 1 and 200),
  name_hi text check (length(name_hi) between 1 and 200),
  created_at timestamptz not null default now()
);
create index programme_cluster_programme_idx on programme_cluster (programme_id, id);

create table programme_cluster_target (
  programme_id bigint not null references programme (id),
  target_key text not null,
  cluster_id bigint not null references programme_cluster (id),
  primary key (programme_id, target_key)
);
create index programme_cluster_target_cluster_idx on programme_cluster_target (cluster_id);

create table programme_instance (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  phase_id bigint not null references programme_phase (id),
  -- 'pc:<code>', 'ac:<code>' or 'unit:<id>': what the instance is for, unique per phase.
  target_key text not null,
  geo_code text references geo_area (code),
  -- The party unit the instance is for, where one exists (a PC usually has none).
  unit_id bigint references unit (id),
  -- The unit whose jurisdiction covers the instance and where it counts in the tree.
  scope_unit_id bigint not null references unit (id),
  state_code text references geo_area (code),
  cluster_id bigint references programme_cluster (id),
  status text not null default 'not-planned' check (status in ('not-planned', 'planned', 'held', 'reported', 'cancelled')),
  cancel_reason text check (length(cancel_reason) between 1 and 1000),
  planned_date date,
  venue text check (length(venue) <= 300),
  held_on date,
  attendance jsonb,
  notes text check (length(notes) <= 4000),
  has_in_charge boolean not null default false,
  reported_at timestamptz,
  updated_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (phase_id, target_key),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create index programme_instance_programme_idx on programme_instance (programme_id, phase_id, id);
create index programme_instance_geo_idx on programme_instance (geo_code) where geo_code is not null;
create index programme_instance_unit_idx on programme_instance (unit_id) where unit_id is not null;
create index programme_instance_scope_idx on programme_instance (scope_unit_id);
create index programme_instance_state_idx on programme_instance (state_code);
create index programme_instance_cluster_idx on programme_instance (cluster_id) where cluster_id is not null;
create index programme_instance_updated_by_idx on programme_instance (updated_by) where updated_by is not null;
-- Overdue = open with a planned date already past: a short range read per phase.
create index programme_instance_overdue_idx on programme_instance (phase_id, planned_date) where status in ('not-planned', 'planned');

-- The team (toli) of an instance.
create table programme_team_member (
  instance_id bigint not null references programme_instance (id),
  person_id bigint not null references person (id),
  role text check (length(role) <= 100),
  added_at timestamptz not null default now(),
  primary key (instance_id, person_id)
);
create index programme_team_member_person_idx on programme_team_member (person_id);

-- An in-charge is a tenure (post 'programme-in-charge' or 'cluster-in-charge') pointing at what it
-- is in charge of. Nullable, no default: adding them rewrites no tenure row.
alter table tenure add column programme_instance_id bigint references programme_instance (id);
alter table tenure add column programme_cluster_id bigint references programme_cluster (id);
create index tenure_programme_instance_idx on tenure (programme_instance_id) where programme_instance_id is not null;
create index tenure_programme_cluster_idx on tenure (programme_cluster_id) where programme_cluster_id is not null;

-- Counters per phase: bucket 'all', 'state:<code>' or 'cluster:<id>'. A status or in-charge change
-- updates at most three rows by primary key in the change's transaction.
create table programme_tally (
  phase_id bigint not null references programme_phase (id),
  bucket text not null,
  total int not null default 0,
  vacant int not null default 0,
  s_not_planned int not null default 0,
  s_planned int not null default 0,
  s_held int not null default 0,
  s_reported int not null default 0,
  s_cancelled int not null default 0,
  primary key (phase_id, bucket)
);

-- The unit-tree drill-down reuses the directives' roll-up counters (subject id = phase id).
alter table rollup_count drop constraint rollup_count_subject_check;
alter table rollup_count add constraint rollup_count_subject_check check (subject in ('directive', 'circular', 'programme'));
