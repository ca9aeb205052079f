-- Meetings of a unit: invitees materialised from rules (levels + posts under the unit) and
-- individuals, attendance as append-only records (the latest per invitee is current, earlier ones
-- are the correction history), minutes and numbered resolutions. Directives may point at a meeting.

create table meeting (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  -- Copied from the unit when the meeting is created: a unit never changes wing.
  wing text not null references wing (key),
  type text not null check (type in ('review', 'executive', 'workers-conference', 'training', 'other')),
  title text not null check (length(title) between 1 and 200),
  starts_at timestamptz not null,
  venue text check (length(venue) <= 300),
  venue_unit_id bigint references unit (id),
  chair_person_id bigint references person (id),
  organiser_user_id bigint not null references app_user (id),
  -- Ordered agenda items; short texts, read and written with the meeting.
  agenda jsonb not null default '[]',
  -- The rules the invitee rows were last built from: {"levels": [...], "posts": [...], "includeSelf": bool}.
  invitee_rule jsonb not null default '{}',
  status text not null default 'planned' check (status in ('planned', 'held', 'minutes-approved', 'cancelled')),
  cancel_reason text check (length(cancel_reason) between 1 and 500),
  minutes text check (length(minutes) <= 50000),
  minutes_lang text check (minutes_lang in ('en', 'hi')),
  minutes_approved_at timestamptz,
  minutes_approved_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'cancelled') = (cancel_reason is not null)),
  check ((status = 'minutes-approved') = (minutes_approved_at is not null))
);
-- A unit's meetings newest first, filtered by type/status/date in the same range read.
create index meeting_unit_idx on meeting (unit_id, starts_at desc, id desc);
create index meeting_wing_idx on meeting (wing);
create index meeting_venue_unit_idx on meeting (venue_unit_id) where venue_unit_id is not null;
create index meeting_chair_idx on meeting (chair_person_id) where chair_person_id is not null;
create index meeting_organiser_idx on meeting (organiser_user_id);
create index meeting_approved_by_idx on meeting (minutes_approved_by) where minutes_approved_by is not null;

-- One row per expected person: the post and unit they were invited as (null for individuals and
-- walk-ins). Rebuilt while the meeting is planned; walk-ins are added when attendance is taken.
create table meeting_invitee (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  person_id bigint not null references person (id),
  source text not null check (source in ('rule', 'individual', 'walk-in')),
  post_key text,
  post_unit_id bigint references unit (id),
  added_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (meeting_id, person_id),
  check ((post_key is null) = (post_unit_id is null))
);
create index meeting_invitee_person_idx on meeting_invitee (person_id);
create index meeting_invitee_post_unit_idx on meeting_invitee (post_unit_id) where post_unit_id is not null;
create index meeting_invitee_added_by_idx on meeting_invitee (added_by) where added_by is not null;

-- Append-only: a correction is a new row; the invitee's latest row is the current value.
create table meeting_attendance (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  invitee_id bigint not null references meeting_invitee (id),
  status text not null check (status in ('present', 'absent', 'excused')),
  note text check (length(note) <= 500),
  recorded_by bigint references app_user (id),
  recorded_at timestamptz not null default now()
);
create index meeting_attendance_meeting_idx on meeting_attendance (meeting_id, invitee_id, id desc);
create index meeting_attendance_invitee_idx on meeting_attendance (invitee_id, id desc);
create index meeting_attendance_recorded_by_idx on meeting_attendance (recorded_by) where recorded_by is not null;

-- Numbered per meeting from 1; withdrawn ones keep their number so later numbers never shift.
create table meeting_resolution (
  id bigint generated always as identity primary key,
  meeting_id bigint not null references meeting (id),
  number int not null check (number > 0),
  text text not null check (length(text) between 1 and 5000),
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  withdrawn_reason text check (length(withdrawn_reason) between 1 and 500),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (meeting_id, number),
  check ((status = 'withdrawn') = (withdrawn_reason is not null))
);
create index meeting_resolution_created_by_idx on meeting_resolution (created_by) where created_by is not null;
