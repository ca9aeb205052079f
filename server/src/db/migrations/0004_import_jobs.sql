-- Uploaded spreadsheets waiting for, or done with, their background import.
create table import_job (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('people-posts')),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  user_id bigint not null references app_user (id),
  locale text not null default 'en',
  file_name text,
  file bytea,
  options jsonb not null default '{}',
  processed int not null default 0,
  total int not null default 0,
  report jsonb,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index import_job_user_idx on import_job (user_id, id desc);
