-- Before loading bench posts (bench/search/run.sh): categories, authors and tags for them;
-- the GIN index is dropped and built after the load, as a bulk import would.
insert into category (slug, name) select 'bench-category-' || i, 'Bench Category ' || i from generate_series(1, 8) as i;
insert into author (slug, name) select 'bench-author-' || i, 'Bench Author ' || i from generate_series(1, 300) as i;
insert into tag (slug, name) select 'bench-tag-' || i, 'Bench Tag ' || i from generate_series(1, 150) as i;
drop index post_search;
