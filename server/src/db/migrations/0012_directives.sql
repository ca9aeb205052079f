-- Directives that cascade down the tree, their assignments, circulars with receipts, roll-up
-- counters shared by both, in-app notifications and reminder bookkeeping. Forward only.

-- Which person a login is: "my assignments" are the assignments addressed to that person.
alter table app_user add column person_id bigint references person (id);
create unique index app_user_person_idx on app_user (person_id) where person_id is not null;

create table directive (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  meeting_id bigint references meeting (id),
  text text not null check (length(text) between 1 and 4000),
  due_date date not null,
  target_kind text not null check (target_kind in ('unit', 'post', 'person', 'cascade')),
  target_unit_id bigint references unit (id),
  target_level text references org_level (key),
  target_post text,
  target_person_id bigint references person (id),
  -- A large cascade is built by a background job: 'creating' until it commits, then 'ready'.
  status text not null default 'ready' check (status in ('creating', 'ready', 'failed')),
  total int not null default 0,
  error text,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index directive_unit_idx on directive (unit_id, id desc);
create index directive_meeting_idx on directive (meeting_id) where meeting_id is not null;
create index directive_target_unit_idx on directive (target_unit_id) where target_unit_id is not null;
create index directive_target_level_idx on directive (target_level) where target_level is not null;
create index directive_target_person_idx on directive (target_person_id) where target_person_id is not null;
create index directive_created_by_idx on directive (created_by);

create table assignment (
  id bigint generated always as identity primary key,
  directive_id bigint not null references directive (id),
  unit_id bigint not null references unit (id),
  post_key text,
  person_id bigint references person (id),
  -- The addressed post had no current holder when the directive was issued.
  is_vacant boolean not null default false,
  status text not null default 'new' check (status in ('new', 'acknowledged', 'in-progress', 'done', 'declined')),
  report_text text check (length(report_text) <= 4000),
  report_numbers jsonb,
  decline_reason text check (length(decline_reason) <= 1000),
  acted_by bigint references app_user (id),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create index assignment_directive_idx on assignment (directive_id, id);
create index assignment_unit_idx on assignment (unit_id);
create index assignment_person_idx on assignment (person_id) where person_id is not null;
create index assignment_acted_by_idx on assignment (acted_by) where acted_by is not null;

create table circular (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  title text not null check (length(title) between 1 and 300),
  body text not null check (length(body) between 1 and 20000),
  -- null: the sender's whole subtree; else only units of this level in it.
  target_level text references org_level (key),
  total int not null default 0,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now()
);
create index circular_unit_idx on circular (unit_id, id desc);
create index circular_level_idx on circular (target_level) where target_level is not null;
create index circular_created_by_idx on circular (created_by);

create table circular_receipt (
  id bigint generated always as identity primary key,
  circular_id bigint not null references circular (id),
  unit_id bigint not null references unit (id),
  status text not null default 'new' check (status in ('new', 'received', 'acknowledged')),
  received_at timestamptz,
  received_by bigint references app_user (id),
  acknowledged_at timestamptz,
  acknowledged_by bigint references app_user (id),
  unique (circular_id, unit_id)
);
create index circular_receipt_unit_idx on circular_receipt (unit_id);
create index circular_receipt_received_by_idx on circular_receipt (received_by) where received_by is not null;
create index circular_receipt_ack_by_idx on circular_receipt (acknowledged_by) where acknowledged_by is not null;

-- Roll-up counters: for each directive (or circular) one row per unit on the chain from the issuer
-- down to every addressed unit, counting the items at or below it by state. Status changes adjust
-- the chain's rows in the same transaction, so "n of N per child" is one indexed read on parent_id.
-- States: new, ack (acknowledged / received), progress, done (done / acknowledged), declined.
create table rollup_count (
  subject text not null check (subject in ('directive', 'circular')),
  subject_id bigint not null,
  unit_id bigint not null references unit (id),
  parent_id bigint references unit (id),
  total int not null default 0,
  vacant int not null default 0,
  s_new int not null default 0,
  s_ack int not null default 0,
  s_progress int not null default 0,
  s_done int not null default 0,
  s_declined int not null default 0,
  primary key (subject, subject_id, unit_id)
);
create index rollup_count_parent_idx on rollup_count (subject, subject_id, parent_id);
create index rollup_count_unit_idx on rollup_count (unit_id);
create index rollup_count_parent_fk_idx on rollup_count (parent_id);

create table notification (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user (id),
  kind text not null check (kind in ('assignment', 'due-soon', 'overdue', 'circular')),
  assignment_id bigint references assignment (id),
  circular_id bigint references circular (id),
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notification_user_idx on notification (user_id, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
create index notification_assignment_idx on notification (assignment_id) where assignment_id is not null;
create index notification_circular_idx on notification (circular_id) where circular_id is not null;

-- One reminder per assignment per day, whatever the number of job runs.
create table assignment_reminder (
  assignment_id bigint not null references assignment (id),
  day date not null,
  kind text not null check (kind in ('due-soon', 'overdue')),
  created_at timestamptz not null default now(),
  primary key (assignment_id, day)
);
