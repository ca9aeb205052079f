-- People of the party, post templates per level, and tenures (who held which post, when).
-- No religion or caste column, ever: the party stores its own people with their consent.

create table person (
  id bigint generated always as identity primary key,
  name text,
  name_hi text,
  derived_name text check (derived_name in ('name', 'nameHi')),
  gender text check (gender in ('female', 'male', 'other')),
  birth_year int check (birth_year between 1900 and 2030),
  phone text not null check (phone ~ '^\+91[6-9][0-9]{9}$'),
  epic text check (epic ~ '^[A-Z]{3}[0-9]{7}$'),
  home_unit_id bigint not null references unit (id),
  consent_purpose text not null,
  consent_date date not null,
  consent_method text not null check (consent_method in ('written', 'verbal', 'online', 'sms-otp')),
  search_key text not null default '',
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (name is not null or name_hi is not null),
  check (length(name) <= 200 and length(name_hi) <= 200)
);
-- One live person per phone and per EPIC: creating a second returns the first.
create unique index person_phone_idx on person (phone) where deleted_at is null;
create unique index person_epic_idx on person (epic) where deleted_at is null and epic is not null;
create index person_home_unit_idx on person (home_unit_id, id);
create index person_search_idx on person using gin (search_key gin_trgm_ops);

create table post_template (
  level text not null references org_level (key),
  post_key text not null,
  name text not null,
  name_hi text not null,
  seats int not null check (seats between 1 and 100),
  sort int not null,
  primary key (level, post_key)
);

create table tenure (
  id bigint generated always as identity primary key,
  unit_id bigint not null references unit (id),
  post_key text not null,
  person_id bigint not null references person (id),
  start_date date not null,
  end_date date,
  end_reason text check (end_reason in ('resigned', 'removed', 'inactive', 'promoted', 'deceased', 'term-ended')),
  created_at timestamptz not null default now(),
  check ((end_date is null) = (end_reason is null)),
  check (end_date is null or end_date >= start_date)
);
create index tenure_current_idx on tenure (unit_id, post_key) where end_date is null;
create index tenure_unit_idx on tenure (unit_id, start_date desc);
create index tenure_person_idx on tenure (person_id, start_date desc);

-- Default templates. Office-bearer levels share one executive; a shakti kendra has convenors;
-- a booth committee has 10 seats.
insert into post_template (level, post_key, name, name_hi, seats, sort)
select l.key, p.post_key, p.name, p.name_hi, p.seats, p.sort
from org_level l
cross join (values
  ('president', 'President', 'अध्यक्ष', 1, 10),
  ('vice-president', 'Vice-president', 'उपाध्यक्ष', 3, 20),
  ('general-secretary', 'General secretary', 'महामंत्री', 3, 30),
  ('secretary', 'Secretary', 'मंत्री', 4, 40),
  ('treasurer', 'Treasurer', 'कोषाध्यक्ष', 1, 50),
  ('spokesperson', 'Spokesperson', 'प्रवक्ता', 2, 60),
  ('in-charge', 'In-charge', 'प्रभारी', 1, 70)
) as p (post_key, name, name_hi, seats, sort)
where l.key in ('national', 'state', 'region', 'division', 'district', 'assembly', 'mandal');

insert into post_template (level, post_key, name, name_hi, seats, sort) values
  ('shakti-kendra', 'convenor', 'Convenor', 'संयोजक', 1, 10),
  ('shakti-kendra', 'co-convenor', 'Co-convenor', 'सह-संयोजक', 1, 20),
  ('shakti-kendra', 'in-charge', 'In-charge', 'प्रभारी', 1, 30),
  ('booth', 'president', 'Booth president', 'बूथ अध्यक्ष', 1, 10),
  ('booth', 'booth-agent', 'Booth-level agent', 'बूथ स्तरीय एजेंट', 1, 20),
  ('booth', 'secretary', 'Secretary', 'मंत्री', 1, 30),
  ('booth', 'whatsapp-in-charge', 'WhatsApp in-charge', 'व्हाट्सऐप प्रभारी', 1, 40),
  ('booth', 'member', 'Committee member', 'समिति सदस्य', 6, 50);
