-- Merging two records of one person: the duplicate is retired (soft-deleted, pointing at the
-- kept record) and what it held moves over; the merge row remembers what moved so it can be undone.
alter table person add column merged_into bigint references person (id);
create index person_merged_into_idx on person (merged_into) where merged_into is not null;

create table person_merge (
  id bigint generated always as identity primary key,
  source_id bigint not null references person (id),
  target_id bigint not null references person (id),
  moved_tenures bigint[] not null default '{}',
  moved_memberships bigint[] not null default '{}',
  moved_enrolments bigint[] not null default '{}',
  merged_by bigint references app_user (id),
  merged_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by bigint references app_user (id)
);
create index person_merge_source_idx on person_merge (source_id);
create index person_merge_target_idx on person_merge (target_id);
create index person_merge_merged_by_idx on person_merge (merged_by);
create index person_merge_undone_by_idx on person_merge (undone_by);
