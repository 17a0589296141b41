-- The statement /search runs for page 1 (dev.blogroll.search.SearchQueries.SEARCH, no filters),
-- with psql variable q (the query). Keep in step with SearchQueries.
with q as materialized (select websearch_to_tsquery('english', :'q') as query),
probe as materialized (
  select count(*) as matches from (
    select 1 from q join post p on p.search_vector @@ q.query
    where (select querytree(query) from q) not in ('T', '')
      and p.status = 'PUBLISHED' and p.published_at <= now()
    limit 10000 + 1) as counted
),
candidates as (
  select p.id, p.published_at, p.search_vector
  from q join post p on p.search_vector @@ q.query
  where (select matches from probe) <= 10000
    and p.status = 'PUBLISHED' and p.published_at <= now()
  union all
  (select p.id, p.published_at, p.search_vector
   from q cross join post p
   where (select matches from probe) > 10000
     and p.status = 'PUBLISHED' and p.published_at <= now()
     and (p.search_vector || ''::tsvector) @@ q.query
   order by p.published_at desc, p.id desc
   limit 300)
),
hits as (
  select c.id, c.published_at, ts_rank_cd(c.search_vector, q.query, 1) as rank,
         count(*) over () as total
  from candidates c cross join q
  order by rank desc, c.published_at desc, c.id desc
  limit 15 offset 0
)
select h.total, (select matches from probe) > 10000 as more, p.slug, p.title, p.published_at, p.summary,
       p.image_url, p.image_alt, c.slug as category_slug, c.name as category_name,
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
