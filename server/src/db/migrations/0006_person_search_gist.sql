-- Name search returns the nearest names first. A GiST trigram index answers "order by
-- search_key <-> key limit 20" by walking the index (about 5 ms), where GIN had to score every
-- match of a common name (hundreds of ms at 10^7 people).
drop index person_search_idx;
create index person_search_idx on person using gist (search_key gist_trgm_ops);
