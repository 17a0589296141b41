-- After loading generated posts: tags (made from the staging table), the GIN index, the
-- listing counts the triggers would have kept (the load skips triggers), statistics, sizes.
\timing on
set maintenance_work_mem = '2GB';
insert into tag (slug, name)
select distinct lower(regexp_replace(tag, '[^a-z0-9]+', '-', 'g')), initcap(tag) from bench_post_tag
on conflict do nothing;
insert into post_tag (post_id, tag_id)
select distinct p.id, t.id from bench_post_tag b join post p on p.slug = b.slug
join tag t on t.slug = lower(regexp_replace(b.tag, '[^a-z0-9]+', '-', 'g'))
on conflict do nothing;
drop table bench_post_tag;
create index post_search on post using gin (search_vector);
delete from listing_count_folded;
delete from listing_count_pending;
insert into listing_count_folded (kind, listing_id, unit, starts_at, ends_at, posts)
select kind, listing_id, unit, starts_at, ends_at, delta
from listing_count_deltas(array(select row(category_id, published_at, 1)::listing_count_change
                                from post where status = 'PUBLISHED'));
vacuum analyze post;
vacuum analyze post_tag;
select count(*) as posts, pg_size_pretty(pg_total_relation_size('post')) as post_size,
       pg_size_pretty(pg_relation_size('post_search')) as index_size from post;
