-- Elections, continued: applications per election (and per seat) for the public aspirant form with
-- an OTP, aspirant documents, and results imports that run as background jobs.

-- Whether the public form takes applications: per election, and per seat where set (null: as the
-- election). Both default closed; an office bearer opens them.
alter table election add column applications_open boolean not null default false;
alter table seat add column applications_open boolean;

-- OTP challenges for an aspirant application name the seat applied for (membership's name the drive).
alter table otp_challenge add column seat_id bigint references seat (id);
create index otp_challenge_seat_idx on otp_challenge (seat_id) where seat_id is not null;

-- How the aspirant came in: entered by an office bearer, or through the public form with an OTP.
alter table aspirant add column channel text not null default 'office' check (channel in ('office', 'public'));

-- Documents of an aspirant (affidavit, certificates, photos): the bytes are a stored_file with owner
-- type 'aspirant'; this row keeps the name and label. Removal is soft: the row stays for the audit trail.
create table aspirant_document (
  id bigint generated always as identity primary key,
  aspirant_id bigint not null references aspirant (id),
  file_id bigint not null references stored_file (id),
  name text not null check (length(name) between 1 and 255),
  label text check (length(label) between 1 and 120),
  uploaded_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  removed_at timestamptz,
  removed_by bigint references app_user (id),
  check (removed_by is null or removed_at is not null)
);
create index aspirant_document_aspirant_idx on aspirant_document (aspirant_id, id);
create index aspirant_document_file_idx on aspirant_document (file_id);
create index aspirant_document_uploaded_by_idx on aspirant_document (uploaded_by) where uploaded_by is not null;
create index aspirant_document_removed_by_idx on aspirant_document (removed_by) where removed_by is not null;

-- Results files waiting for, or done with, their background import (candidate-wise or booth-wise).
-- Their own table: the people imports' import_job keeps its own kinds.
create table election_import_job (
  id bigint generated always as identity primary key,
  election_id bigint not null references election (id),
  kind text not null check (kind in ('results', 'booth-results')),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  user_id bigint not null references app_user (id),
  locale text not null default 'en' check (locale in ('en', 'hi')),
  file_name text check (length(file_name) <= 200),
  file bytea,
  options jsonb not null default '{}',
  processed int not null default 0,
  total int not null default 0,
  report jsonb,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index election_import_job_election_idx on election_import_job (election_id, id desc);
create index election_import_job_user_idx on election_import_job (user_id, id desc);
