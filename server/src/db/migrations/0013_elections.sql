-- Elections, seats, results (candidate-wise and booth-wise), aspirants with their stage history,
-- screening criteria and scores, parties with their aliases, and which party is "ours".

create table party (
  key text primary key check (length(key) between 1 and 80),
  short_name text check (length(short_name) <= 20),
  name text not null check (length(name) between 1 and 200),
  name_hi text check (length(name_hi) <= 200),
  created_at timestamptz not null default now()
);

-- Folded spellings (see party-names.ts) → party, so "BJP", "भाजपा" and "Bharatiya Janata Party" meet.
create table party_alias (
  folded text primary key,
  party_key text not null references party (key)
);
create index party_alias_party_idx on party_alias (party_key);

-- One row: the party this installation belongs to, for "the party's share, rank and swing".
create table election_setting (
  singleton boolean primary key default true check (singleton),
  our_party_key text references party (key),
  updated_by bigint references app_user (id),
  updated_at timestamptz not null default now()
);
create index election_setting_party_idx on election_setting (our_party_key);
create index election_setting_user_idx on election_setting (updated_by);
insert into election_setting (singleton) values (true);

create table election (
  id bigint generated always as identity primary key,
  type text not null check (type in ('lok-sabha', 'vidhan-sabha', 'zila-panchayat', 'kshetra-panchayat', 'gram-panchayat', 'municipal')),
  state_code text references geo_area (code),
  -- The unit that runs a local-body election and owns its seats; null for Lok/Vidhan Sabha (reference data).
  unit_id bigint references unit (id),
  year int not null check (year between 1951 and 2100),
  name text not null check (length(name) between 1 and 200),
  name_hi text check (length(name_hi) <= 200),
  poll_date date,
  counting_date date,
  is_shipped boolean not null default false,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (type = 'lok-sabha' or state_code is not null),
  check (type in ('lok-sabha', 'vidhan-sabha') or unit_id is not null),
  check (counting_date is null or poll_date is null or counting_date >= poll_date)
);
create index election_type_year_idx on election (type, year desc);
create index election_state_idx on election (state_code);
create index election_unit_idx on election (unit_id);
create index election_created_by_idx on election (created_by);
-- One general election per year nationally and one assembly election per state and year.
create unique index election_general_idx on election (type, coalesce(state_code, ''), year) where unit_id is null;

create table seat (
  id bigint generated always as identity primary key,
  election_id bigint not null references election (id),
  code text not null check (length(code) between 1 and 40),
  number int check (number > 0),
  name text not null check (length(name) between 1 and 200),
  name_hi text check (length(name_hi) <= 200),
  geo_code text references geo_area (code),
  unit_id bigint references unit (id),
  reservation text check (reservation in ('GEN', 'SC', 'ST', 'OBC', 'women', 'SC-women', 'ST-women', 'OBC-women', 'BL', 'SANGHA')),
  -- A seat carried on by a redrawn successor (Assam 2023, J&K 2022): its swing is only indicative.
  is_redrawn boolean not null default false,
  is_uncontested boolean not null default false,
  created_at timestamptz not null default now(),
  unique (election_id, code)
);
create index seat_geo_idx on seat (geo_code, election_id);
create index seat_unit_idx on seat (unit_id);
create index seat_number_idx on seat (election_id, number, id);

create table result_row (
  id bigint generated always as identity primary key,
  seat_id bigint not null references seat (id),
  serial int check (serial > 0),
  candidate text not null check (length(candidate) between 1 and 200),
  party_key text not null references party (key),
  votes int not null check (votes >= 0)
);
create index result_row_seat_idx on result_row (seat_id, votes desc);
create index result_row_party_idx on result_row (party_key);
create unique index result_row_serial_idx on result_row (seat_id, serial) where serial is not null;

create table booth_result (
  id bigint generated always as identity primary key,
  election_id bigint not null references election (id),
  seat_id bigint references seat (id),
  ac_code text not null references geo_area (code),
  part_number int not null check (part_number > 0),
  polling_station_id bigint references polling_station (id),
  party_key text not null references party (key),
  votes int not null check (votes >= 0),
  unique (election_id, ac_code, part_number, party_key)
);
create index booth_result_ac_idx on booth_result (ac_code, part_number);
create index booth_result_seat_idx on booth_result (seat_id);
create index booth_result_ps_idx on booth_result (polling_station_id);
create index booth_result_party_idx on booth_result (party_key);

create table aspirant (
  id bigint generated always as identity primary key,
  seat_id bigint not null references seat (id),
  person_id bigint not null references person (id),
  stage text not null default 'applied'
    check (stage in ('applied', 'screened', 'shortlisted', 'interviewed', 'candidate', 'not-selected')),
  statement text check (length(statement) <= 2000),
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (seat_id, person_id)
);
create index aspirant_person_idx on aspirant (person_id);
create index aspirant_created_by_idx on aspirant (created_by);
-- At most one final candidate per seat, even under concurrent moves.
create unique index aspirant_one_candidate_idx on aspirant (seat_id) where stage = 'candidate';

-- Stage history is append-only: every move is a new row, never an edit.
create table aspirant_stage (
  id bigint generated always as identity primary key,
  aspirant_id bigint not null references aspirant (id),
  from_stage text,
  to_stage text not null,
  reason text check (length(reason) <= 500),
  moved_by bigint references app_user (id),
  moved_by_label text,
  moved_at timestamptz not null default now()
);
create index aspirant_stage_aspirant_idx on aspirant_stage (aspirant_id, id);
create index aspirant_stage_moved_by_idx on aspirant_stage (moved_by);

create table screening_criterion (
  id bigint generated always as identity primary key,
  election_id bigint not null references election (id),
  name text not null check (length(name) between 1 and 120),
  name_hi text check (length(name_hi) <= 120),
  max_score int not null check (max_score between 1 and 100),
  sort int not null default 0,
  created_at timestamptz not null default now()
);
create unique index screening_criterion_name_idx on screening_criterion (election_id, lower(name));

create table screening_score (
  aspirant_id bigint not null references aspirant (id),
  criterion_id bigint not null references screening_criterion (id),
  screener_id bigint not null references app_user (id),
  score int not null check (score >= 0),
  note text check (length(note) <= 500),
  updated_at timestamptz not null default now(),
  primary key (aspirant_id, criterion_id, screener_id)
);
create index screening_score_criterion_idx on screening_score (criterion_id);
create index screening_score_screener_idx on screening_score (screener_id);
