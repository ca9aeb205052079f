-- Training (prashikshan): courses at a unit, their sessions (online or offline), invitations with
-- RSVP, and attendance as append-only marks (the latest per invitee is current; a correction is a
-- new row). Completion is read from attendance: present at >= the course's required sessions.
-- Tours (pravas/daura): a leader's tour with dated stops at units, conflicts the organiser
-- confirmed stored on the stop, and stop reports (append-only; the latest is current).

create table training_course (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  name text not null check (length(name) between 1 and 200),
  name_hi text check (length(name_hi) between 1 and 200),
  description text check (length(description) <= 2000),
  required_sessions int not null check (required_sessions between 1 and 50),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index training_course_unit_idx on training_course (unit_id, id desc);
create index training_course_created_by_idx on training_course (created_by) where created_by is not null;

create table training_session (
  id bigint generated always as identity primary key,
  course_id bigint not null references training_course (id),
  -- Where the session is held (a district or division, typically); invitees by post come from its subtree.
  unit_id bigint not null references unit (id),
  title text check (length(title) between 1 and 200),
  mode text not null check (mode in ('online', 'offline')),
  link text check (length(link) <= 500),
  venue text check (length(venue) <= 300),
  trainer_person_id bigint references person (id),
  starts_at timestamptz not null,
  duration_minutes int not null check (duration_minutes between 15 and 1440),
  capacity int not null check (capacity between 1 and 100000),
  cancelled_at timestamptz,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (mode <> 'online' or link is not null),
  check (mode <> 'offline' or venue is not null)
);
create index training_session_course_idx on training_session (course_id, starts_at);
create index training_session_unit_idx on training_session (unit_id, starts_at);
create index training_session_trainer_idx on training_session (trainer_person_id) where trainer_person_id is not null;
create index training_session_created_by_idx on training_session (created_by) where created_by is not null;

create table training_invitation (
  id bigint generated always as identity primary key,
  session_id bigint not null references training_session (id),
  person_id bigint not null references person (id),
  source text not null check (source in ('post', 'list', 'active-members')),
  rsvp text check (rsvp in ('yes', 'no', 'maybe')),
  rsvp_at timestamptz,
  -- The current attendance, kept with the invitation so completion and lists read one row; every
  -- mark (and correction) is also a row of training_attendance.
  attendance text check (attendance in ('present', 'absent')),
  invited_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (session_id, person_id)
);
create index training_invitation_person_idx on training_invitation (person_id, session_id);
create index training_invitation_invited_by_idx on training_invitation (invited_by) where invited_by is not null;

create table training_attendance (
  id bigint generated always as identity primary key,
  invitation_id bigint not null references training_invitation (id),
  status text not null check (status in ('present', 'absent')),
  recorded_by bigint references app_user (id),
  recorded_at timestamptz not null default now()
);
create index training_attendance_invitation_idx on training_attendance (invitation_id, id desc);
create index training_attendance_recorded_by_idx on training_attendance (recorded_by) where recorded_by is not null;

create table tour (
  id bigint generated always as identity primary key,
  -- The organising unit: who may plan and edit the tour.
  unit_id bigint not null references unit (id),
  leader_person_id bigint not null references person (id),
  title text not null check (length(title) between 1 and 200),
  title_hi text check (length(title_hi) between 1 and 200),
  starts_on date not null,
  ends_on date not null,
  notes text check (length(notes) <= 2000),
  cancelled_at timestamptz,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on),
  check (ends_on - starts_on <= 366)
);
create index tour_unit_idx on tour (unit_id, starts_on desc);
create index tour_leader_idx on tour (leader_person_id, starts_on);
create index tour_created_by_idx on tour (created_by) where created_by is not null;

create table tour_stop (
  id bigint generated always as identity primary key,
  tour_id bigint not null references tour (id),
  unit_id bigint not null references unit (id),
  -- The leader is copied from the tour so the conflict check reads one index range per leader.
  leader_person_id bigint not null references person (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  purpose text not null check (purpose in ('meeting', 'programme', 'rally', 'review', 'other')),
  meeting_id bigint references meeting (id),
  coordinator_person_id bigint references person (id),
  notes text check (length(notes) <= 2000),
  -- Conflicts the organiser saw and confirmed when saving this stop ([] when none).
  conflicts jsonb not null default '[]',
  -- The iCalendar UID: stable across edits and exports.
  uid uuid not null default gen_random_uuid() unique,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (ends_at - starts_at <= interval '24 hours')
);
create index tour_stop_tour_idx on tour_stop (tour_id, starts_at);
create index tour_stop_unit_idx on tour_stop (unit_id, starts_at);
create index tour_stop_leader_idx on tour_stop (leader_person_id, starts_at) where cancelled_at is null;
create index tour_stop_meeting_idx on tour_stop (meeting_id) where meeting_id is not null;
create index tour_stop_coordinator_idx on tour_stop (coordinator_person_id) where coordinator_person_id is not null;

create table tour_stop_report (
  id bigint generated always as identity primary key,
  stop_id bigint not null references tour_stop (id),
  is_held boolean not null,
  summary text check (length(summary) <= 5000),
  reported_by bigint references app_user (id),
  reported_at timestamptz not null default now()
);
create index tour_stop_report_stop_idx on tour_stop_report (stop_id, id desc);
create index tour_stop_report_reported_by_idx on tour_stop_report (reported_by) where reported_by is not null;
