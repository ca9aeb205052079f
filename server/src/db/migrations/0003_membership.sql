-- Membership drive (sadasyata abhiyan): drives, targets, memberships, the per-unit and
-- per-enroller counters that progress and leaderboards read, the SMS outbox and OTP challenges.
-- Counters are kept in the same transaction as each enrolment/verification, for the membership's
-- unit and every unit above it up to the drive's unit, so no request ever scans memberships.

create table membership_drive (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  name text not null check (length(name) between 1 and 200),
  name_hi text check (length(name_hi) <= 200),
  starts_on date not null,
  ends_on date not null,
  active_rule_min_verified int not null default 25 check (active_rule_min_verified between 1 and 100000),
  allow_self_enrol boolean not null default true,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index membership_drive_unit_idx on membership_drive (unit_id, starts_on desc);
create index membership_drive_created_by_idx on membership_drive (created_by) where created_by is not null;

create table drive_target (
  drive_id bigint not null references membership_drive (id),
  unit_id bigint not null references unit (id),
  target int not null check (target >= 0),
  updated_at timestamptz not null default now(),
  primary key (drive_id, unit_id)
);
create index drive_target_unit_idx on drive_target (unit_id);

create table membership (
  id bigint generated always as identity primary key,
  drive_id bigint not null references membership_drive (id),
  person_id bigint not null references person (id),
  unit_id bigint not null references unit (id),
  enrolled_by_user bigint references app_user (id),
  enrolled_by_person bigint references person (id),
  channel text not null check (channel in ('enroller', 'self')),
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  method text check (method in ('otp', 'epic', 'photo')),
  rejection_reason text check (length(rejection_reason) between 1 and 500),
  decided_by bigint references app_user (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (drive_id, person_id),
  check ((status = 'verified') = (method is not null)),
  check ((status = 'rejected') = (rejection_reason is not null))
);
-- Members of one unit (and, joined to unit.path, of a subtree), newest first.
create index membership_unit_idx on membership (unit_id, drive_id, id);
create index membership_drive_status_idx on membership (drive_id, status, id);
create index membership_person_idx on membership (person_id);
create index membership_by_user_idx on membership (enrolled_by_user) where enrolled_by_user is not null;
create index membership_by_person_idx on membership (enrolled_by_person) where enrolled_by_person is not null;
create index membership_decided_by_idx on membership (decided_by) where decided_by is not null;

-- enrolled counts memberships that are not rejected; pending = enrolled - verified.
create table drive_unit_count (
  drive_id bigint not null references membership_drive (id),
  unit_id bigint not null references unit (id),
  enrolled int not null default 0,
  verified int not null default 0,
  rejected int not null default 0,
  primary key (drive_id, unit_id)
);
create index drive_unit_count_unit_idx on drive_unit_count (unit_id);

-- Per enroller (a designated person, else the user who entered it) and per unit up the chain:
-- a subtree's leaderboard is one index range read on (drive, unit, verified desc).
create table drive_enroller_count (
  drive_id bigint not null references membership_drive (id),
  unit_id bigint not null references unit (id),
  enroller_kind text not null check (enroller_kind in ('person', 'user')),
  enroller_id bigint not null,
  enrolled int not null default 0,
  verified int not null default 0,
  primary key (drive_id, unit_id, enroller_kind, enroller_id)
);
create index drive_enroller_count_rank_idx on drive_enroller_count (drive_id, unit_id, verified desc, enrolled desc, enroller_kind, enroller_id);
create index drive_enroller_count_unit_idx on drive_enroller_count (unit_id);

-- Every SMS the default provider would have sent: admins read it in demos and tests read OTPs
-- from it. unit_id scopes who may see a row (null: national admins only).
create table sms_outbox (
  id bigint generated always as identity primary key,
  to_phone text not null,
  body text not null,
  purpose text not null,
  unit_id bigint references unit (id),
  provider text not null,
  status text not null check (status in ('held', 'sent', 'failed')),
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index sms_outbox_unit_idx on sms_outbox (unit_id, id) where unit_id is not null;
create index sms_outbox_phone_idx on sms_outbox (to_phone, id);

create table otp_challenge (
  id bigint generated always as identity primary key,
  phone text not null,
  purpose text not null,
  drive_id bigint references membership_drive (id),
  code_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts int not null default 0,
  consumed_at timestamptz
);
create index otp_challenge_phone_idx on otp_challenge (phone, created_at desc);
create index otp_challenge_drive_idx on otp_challenge (drive_id) where drive_id is not null;
