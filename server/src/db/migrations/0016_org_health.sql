-- Organisation health: per-unit facts kept up to date in the same transaction as the writes that
-- change them (posts, units, meetings, assignments), so a unit's health and its children's are a
-- few indexed reads. Nothing time-dependent is stored: "days since", "last 90 days" and "overdue"
-- are computed at read time from small per-unit rows. Forward only.

-- Own current post holders of a unit (the template seats come from post_template at read time).
create table unit_health (
  unit_id bigint primary key references unit (id),
  filled int not null default 0,
  updated_at timestamptz not null default now()
);

-- Booths in a unit's subtree (the booth itself included) by how many committee seats are filled.
-- Thresholds are read against the buckets, so changing a threshold needs no recount.
create table unit_health_booths (
  unit_id bigint not null references unit (id),
  filled int not null check (filled >= 0),
  booths int not null default 0,
  primary key (unit_id, filled)
);

-- One row per held meeting of a unit: the day it was held, invitees expected and present.
create table unit_health_meeting (
  meeting_id bigint primary key references meeting (id),
  unit_id bigint not null references unit (id),
  held_on date not null,
  expected int not null default 0,
  present int not null default 0
);
create index unit_health_meeting_unit_idx on unit_health_meeting (unit_id, held_on desc);

-- Assignments addressed to a unit, by due date: still open, done on time, done late, declined.
create table unit_health_due (
  unit_id bigint not null references unit (id),
  due_date date not null,
  open int not null default 0,
  on_time int not null default 0,
  late int not null default 0,
  declined int not null default 0,
  primary key (unit_id, due_date)
);

-- Thresholds per level (one party per installation); a missing row means the built-in default.
create table health_threshold (
  level text not null references org_level (key),
  signal text not null,
  value numeric not null,
  updated_by bigint references app_user (id),
  updated_at timestamptz not null default now(),
  primary key (level, signal)
);
create index health_threshold_user_idx on health_threshold (updated_by);

-- Weekly snapshots for the trend, for units above booth level only (10^6 booth rows a week is
-- too many; a booth's trend is its own history).
create table unit_health_snapshot (
  unit_id bigint not null references unit (id),
  week date not null,
  is_weak boolean not null,
  signals jsonb not null,
  primary key (unit_id, week)
);

-- Replacement of inactive office bearers: a proposal with one item per tenure, reviewed by an
-- admin of a unit above; approval ends and starts tenures in one transaction.
create table replacement (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  note text check (length(note) <= 1000),
  proposed_by bigint not null references app_user (id),
  reviewed_by bigint references app_user (id),
  reviewed_at timestamptz,
  reject_reason text check (length(reject_reason) between 1 and 1000),
  created_at timestamptz not null default now(),
  check ((status = 'rejected') = (reject_reason is not null)),
  check ((status = 'proposed') = (reviewed_at is null))
);
create index replacement_unit_idx on replacement (unit_id, id desc);
create index replacement_proposed_by_idx on replacement (proposed_by);
create index replacement_reviewed_by_idx on replacement (reviewed_by) where reviewed_by is not null;

create table replacement_item (
  id bigint generated always as identity primary key,
  replacement_id bigint not null references replacement (id),
  tenure_id bigint not null references tenure (id),
  successor_person_id bigint references person (id),
  new_tenure_id bigint references tenure (id),
  unique (replacement_id, tenure_id)
);
create index replacement_item_tenure_idx on replacement_item (tenure_id);
create index replacement_item_successor_idx on replacement_item (successor_person_id) where successor_person_id is not null;
create index replacement_item_new_tenure_idx on replacement_item (new_tenure_id) where new_tenure_id is not null;

-- Existing installations: the aggregates of what is already there (the same as `samiti health recompute`).
insert into unit_health (unit_id, filled)
select unit_id, count(*)::int from tenure where end_date is null group by unit_id;
insert into unit_health_booths (unit_id, filled, booths)
select a.id, coalesce(h.filled, 0), count(*)::int
from unit b
left join unit_health h on h.unit_id = b.id
left join unit d on d.id = b.deletion_id
cross join lateral unnest(string_to_array(trim(both '/' from b.path), '/')::bigint[]) with ordinality as a (id, ord)
where b.level = 'booth' and (b.deleted_at is null or a.ord - 1 >= d.depth)
group by a.id, coalesce(h.filled, 0);
insert into unit_health_meeting (meeting_id, unit_id, held_on, expected, present)
select m.id, m.unit_id, (m.starts_at at time zone 'UTC' + interval '330 minutes')::date,
  (select count(*)::int from meeting_invitee i where i.meeting_id = m.id and i.source <> 'walk-in'),
  (select count(*)::int from meeting_invitee i where i.meeting_id = m.id and i.source <> 'walk-in'
    and (select a.status from meeting_attendance a where a.invitee_id = i.id order by a.id desc limit 1) = 'present')
from meeting m where m.status in ('held', 'minutes-approved');
insert into unit_health_due (unit_id, due_date, open, on_time, late, declined)
select a.unit_id, d.due_date,
  count(*) filter (where a.status in ('new', 'acknowledged', 'in-progress'))::int,
  count(*) filter (where a.status = 'done' and (a.closed_at at time zone 'UTC' + interval '330 minutes')::date <= d.due_date)::int,
  count(*) filter (where a.status = 'done' and (a.closed_at at time zone 'UTC' + interval '330 minutes')::date > d.due_date)::int,
  count(*) filter (where a.status = 'declined')::int
from assignment a join directive d on d.id = a.directive_id
group by a.unit_id, d.due_date;
