-- The commonest names (Ramesh Kumar, Sunita Devi: thousands of people each at national size) are
-- answered from a btree on the phonetic key (prefix match, under a millisecond); the trigram
-- GiST index then finds near spellings only when exact matches do not fill the page.
create index person_search_prefix_idx on person (search_key text_pattern_ops) where deleted_at is null;
