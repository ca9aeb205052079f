-- Notifications of any module, not only assignments and circulars: a kind is any slug (the
-- modules' own lists live in common/src/schemas/directives.ts NOTIFICATION_KINDS), and a notice
-- that is not about an assignment or a circular carries its own line in both languages and the
-- web path it leads to. Written in the writer's transaction by notifyUsers / notifyPeople.
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check check (kind ~ '^[a-z][a-z0-9-]{1,39}$');
alter table notification
  add column title_en text check (title_en is null or length(title_en) between 1 and 500),
  add column title_hi text check (title_hi is null or length(title_hi) between 1 and 500),
  add column link text check (link is null or (link ~ '^/[^/]' and length(link) <= 300));
alter table notification add constraint notification_about_check
  check (assignment_id is not null or circular_id is not null or (title_en is not null and title_hi is not null));
