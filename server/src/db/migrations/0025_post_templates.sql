-- Configurable post templates (issue 3). A post has a maximum (`seats`, as before) and now a
-- minimum (`min_seats`): a unit's committee is complete when every post has at least its minimum
-- filled. Existing posts keep min = max, so nothing reads differently until someone edits them.
alter table post_template add column min_seats int not null default 1;
update post_template set min_seats = seats;
alter table post_template alter column min_seats drop default;
alter table post_template add constraint post_template_min_seats_check check (min_seats between 0 and seats);

-- A wing (youth, women, …) may have its own template for a level; units of that wing at that level
-- then use it instead of the default (post_template, which the main wing always uses).
create table wing_post_template (
  wing text not null references wing (key),
  level text not null references org_level (key),
  post_key text not null check (post_key ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 100),
  name_hi text not null check (length(name_hi) between 1 and 100),
  seats int not null check (seats between 1 and 100),
  min_seats int not null,
  sort int not null,
  check (min_seats between 0 and seats),
  check (wing <> 'main'),
  primary key (wing, level, post_key)
);
create index wing_post_template_level_idx on wing_post_template (level);

-- The template a unit of (wing, level) follows: the wing's own when it has one for the level, else
-- the default. Join it on (wing, level, post_key) for a tenure's post name and seats.
create view effective_post_template as
select w.key as wing, pt.level, pt.post_key, pt.name, pt.name_hi, pt.seats, pt.min_seats, pt.sort, false as is_wing_template
from wing w
cross join post_template pt
where not exists (select 1 from wing_post_template o where o.wing = w.key and o.level = pt.level)
union all
select o.wing, o.level, o.post_key, o.name, o.name_hi, o.seats, o.min_seats, o.sort, true as is_wing_template
from wing_post_template o;

-- "Is this post key still held anywhere at this level?" before a template drops it.
create index tenure_current_post_idx on tenure (post_key, unit_id) where end_date is null;

-- A merge that gave the kept record the retired one's photo remembers it, so undo gives it back.
alter table person_merge add column moved_photo_file_id bigint references stored_file (id);
create index person_merge_moved_photo_idx on person_merge (moved_photo_file_id) where moved_photo_file_id is not null;
