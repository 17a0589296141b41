-- The statement /search runs for page 1 (dev.blogroll.search.SearchQueries.SEARCH, no filters),
-- with psql variables: q (the query). Keep in step with SearchQueries.
with q as materialized (select websearch_to_tsquery('english', :'q') as query),
hits as (
  select p.id, p.published_at, ts_rank_cd(p.search_vector, q.query, 1) as rank,
         count(*) over () as total
  from q join post p on p.search_vector @@ q.query
  where (select querytree(query) from q) not in ('T', '')
    and p.status = 'PUBLISHED' and p.published_at <= now()
  order by rank desc, p.published_at desc, p.id desc
  limit 15 offset 0
)
select h.total, p.slug, p.title, p.published_at, p.summary, p.image_url, p.image_alt,
       c.slug as category_slug, c.name as category_name,
       a.slug as author_slug, a.name as author_name,
       ts_headline('english',
           regexp_replace(regexp_replace(translate(coalesce(p.body, p.summary), e'\x02\x03', ''),
               '!?\[([^]]*)\]\([^)]*\)', '\1', 'g'), '[*`~|]+|^[ \t]*(#{1,6}|>+|[-+]|[0-9]+[.])[ \t]', ' ', 'gn'),
           q.query, e'StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "') as snippet
from hits h
join post p on p.id = h.id
join category c on c.id = p.category_id
join author a on a.id = p.author_id
cross join q
order by h.rank desc, h.published_at desc, h.id desc;
