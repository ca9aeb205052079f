-- Stored files (person photos now; meeting, directive and programme report photos later). The bytes
-- live in a file store (a folder under the data directory), named by their sha256; one row per upload
-- says what they are, who sent them and which record they belong to (owner_type/owner_id), which
-- decides who may fetch them. owner_type is not checked here so later owners need no migration.
create table stored_file (
  id bigint generated always as identity primary key,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  bytes int not null check (bytes > 0),
  width int check (width > 0),
  height int check (height > 0),
  owner_type text not null,
  owner_id bigint not null,
  uploaded_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  -- Set when the file stops being used (a photo replaced or removed); its bytes are then deleted
  -- from the store unless another live row holds the same content. The row stays for the audit trail.
  deleted_at timestamptz
);
create index stored_file_sha256_idx on stored_file (sha256);
create index stored_file_owner_idx on stored_file (owner_type, owner_id);
create index stored_file_uploaded_by_idx on stored_file (uploaded_by);

-- Nullable with no default: adding it rewrites nothing, even at 10^7 people. Few people have a
-- photo, so the foreign key's index leaves out the rest.
alter table person add column photo_file_id bigint references stored_file (id);
create index person_photo_file_idx on person (photo_file_id) where photo_file_id is not null;
