-- Membership counter changes as append-only rows: each enrol/verify/reject/credit move inserts one
-- row per member unit (never updating a shared counter), and reads fold a drive's rows into
-- drive_unit_count / drive_enroller_count (every ancestor within the drive) before reading them.
-- Concurrent enrolments under the same state or national unit thus never wait on each other.
create table drive_count_delta (
  id bigint generated always as identity primary key,
  drive_id bigint not null references membership_drive (id),
  unit_id bigint not null references unit (id),
  enroller_kind text check (enroller_kind in ('person', 'user')),
  enroller_id bigint,
  enrolled int not null default 0,
  verified int not null default 0,
  rejected int not null default 0,
  created_at timestamptz not null default now(),
  check ((enroller_kind is null) = (enroller_id is null))
);
-- The fold deletes by drive; a member's own pending verified credit is summed by (drive, enroller).
create index drive_count_delta_drive_idx on drive_count_delta (drive_id, enroller_kind, enroller_id);
create index drive_count_delta_unit_idx on drive_count_delta (unit_id);
