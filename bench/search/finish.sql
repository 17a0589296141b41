-- After loading bench posts: one to four tags a post (popular tags more often), the GIN
-- index, statistics, and the sizes.
set maintenance_work_mem = '512MB';
insert into post_tag (post_id, tag_id)
select distinct p.id, 1 + floor(power(random(), 2) * 150)::int
from post p, generate_series(1, 1 + (p.id % 4)::int) as k;
create index post_search on post using gin (search_vector);
vacuum analyze;
select count(*) as posts, pg_size_pretty(pg_total_relation_size('post')) as post_size,
       pg_size_pretty(pg_relation_size('post_search')) as index_size from post;
