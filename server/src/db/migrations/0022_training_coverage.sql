-- Training coverage kept per unit instead of computed per request (10^7 office bearers): for each
-- office bearer (a person holding a current committee post), the set of units whose subtree holds
-- one of their posts and whether they completed any course; for each unit, how many distinct office
-- bearers its subtree holds and how many of them are trained. Moved in the transaction of tenure,
-- attendance, session and course changes (`training/coverage.ts`); `recomputeTrainingCoverage`
-- rebuilds both from the base tables and must agree with them.
-- Tour stops may point at the programme instance they visit.

create table training_bearer (
  person_id bigint primary key references person (id),
  -- The units of the person's current posts and all their ancestors, ascending, no repeats.
  unit_ids bigint[] not null,
  is_trained boolean not null,
  updated_at timestamptz not null default now()
);

-- No check (>= 0) on the counters: an upsert checks its proposed row before it resolves the
-- conflict, so a -1 move of an existing row would be refused. The recompute test guards them.
create table training_coverage (
  unit_id bigint primary key references unit (id),
  office_bearers int not null,
  trained int not null,
  updated_at timestamptz not null default now()
);

insert into training_bearer (person_id, unit_ids, is_trained)
select h.person_id, array_agg(distinct h.unit_id order by h.unit_id),
  exists (
    select 1 from training_invitation i
    join training_session s on s.id = i.session_id
    join training_course c on c.id = s.course_id
    where i.person_id = h.person_id and i.attendance = 'present' and s.cancelled_at is null
    group by c.id, c.required_sessions having count(*) >= c.required_sessions)
from (
  select t.person_id, a.id as unit_id
  from tenure t
  join unit u on u.id = t.unit_id
  join person p on p.id = t.person_id
  cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')::bigint[]) as a (id)
  where t.end_date is null and u.deleted_at is null and p.deleted_at is null and p.merged_into is null
    and t.programme_instance_id is null and t.programme_cluster_id is null
) h
group by h.person_id;

insert into training_coverage (unit_id, office_bearers, trained)
select a.id, count(*)::int, (count(*) filter (where b.is_trained))::int
from training_bearer b cross join lateral unnest(b.unit_ids) as a (id)
group by a.id;

alter table tour_stop add column programme_instance_id bigint references programme_instance (id);
create index tour_stop_programme_instance_idx on tour_stop (programme_instance_id) where programme_instance_id is not null;
