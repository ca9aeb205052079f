-- Organisation health, second part: every signal is read from stored aggregates. Programme
-- instances due and done per unit (its whole subtree) and phase due date; the party's share and
-- swing per electoral area (a seat's geography, a local seat's unit, a polling station), refreshed
-- when results, seats or the our-party setting change; thresholds per wing as well as per level.
-- Forward only.

-- Programme instances with a phase due date, counted at every unit on the chain of the instance's
-- scope unit (inside a deleted subtree only from that subtree's top down, as the booth buckets):
-- not cancelled (due once the date has passed) and held or reported (done).
create table unit_health_programme (
  unit_id bigint not null references unit (id),
  due_date date not null,
  due int not null default 0,
  done int not null default 0,
  primary key (unit_id, due_date)
);

-- The latest election's share of our party in an area and the swing against the previous
-- election of the same type. area: a seat's geo code ('S24-PC-3'), 'unit:<id>' for a local seat
-- owned by a unit, 'ps:<id>' for a polling station's booth-wise result.
create table health_election_area (
  area text primary key,
  election_id bigint not null references election (id),
  share numeric not null,
  swing numeric
);
create index health_election_area_election_idx on health_election_area (election_id);

-- Thresholds per wing: a row without a wing applies to every wing of its level unless that wing
-- has its own row.
alter table health_threshold add column wing text references wing (key);
alter table health_threshold drop constraint health_threshold_pkey;
create unique index health_threshold_key_idx on health_threshold (level, signal, coalesce(wing, ''));
create index health_threshold_wing_idx on health_threshold (wing) where wing is not null;

-- Existing installations: the aggregates of what is already there (the same as `samiti health recompute`).
insert into unit_health_programme (unit_id, due_date, due, done)
select a.id, ph.due_date,
  count(*) filter (where i.status <> 'cancelled')::int,
  count(*) filter (where i.status in ('held', 'reported'))::int
from programme_instance i
join programme_phase ph on ph.id = i.phase_id
join unit s on s.id = i.scope_unit_id
left join unit d on d.id = s.deletion_id
cross join lateral unnest(string_to_array(trim(both '/' from s.path), '/')::bigint[]) with ordinality as a (id, ord)
where ph.due_date is not null and (s.deleted_at is null or a.ord - 1 >= d.depth)
group by a.id, ph.due_date;

with o as (select our_party_key as our from election_setting where our_party_key is not null limit 1),
per as (
  select a.area, e.id as election_id, e.type, e.year,
    sum(r.votes)::float8 as total, coalesce(sum(r.votes) filter (where r.party_key = o.our), 0)::float8 as ours
  from o cross join seat s
  cross join lateral (values (s.geo_code), ('unit:' || s.unit_id)) as a (area)
  join election e on e.id = s.election_id
  join result_row r on r.seat_id = s.id
  where a.area is not null
  group by a.area, e.id, e.type, e.year
  union all
  select 'ps:' || b.polling_station_id, e.id, e.type, e.year,
    sum(b.votes)::float8, coalesce(sum(b.votes) filter (where b.party_key = o.our), 0)::float8
  from o cross join booth_result b
  join election e on e.id = b.election_id
  where b.polling_station_id is not null
  group by b.polling_station_id, e.id, e.type, e.year
),
best as (
  select distinct on (area) area, election_id, type, year, total, ours from per where total > 0
  order by area, year desc, election_id desc
)
insert into health_election_area (area, election_id, share, swing)
select b.area, b.election_id, round((100 * b.ours / b.total)::numeric, 1),
  (select round((100 * b.ours / b.total - 100 * p.ours / p.total)::numeric, 1) from per p
    where p.area = b.area and p.type = b.type and p.year < b.year and p.total > 0
    order by p.year desc, p.election_id desc limit 1)
from best b;
