\set month random(0, 35)
\set offset random(0, 86400)
insert into post (slug, title, category_id, author_id, published_at, summary, status)
select 'pgb-' || md5(random()::text || clock_timestamp()::text), 'Written by pgbench', c.id, a.id,
       timestamptz '2024-01-01 00:00:00+00' + make_interval(months => :month) + make_interval(secs => :offset - 43200), 'A post written by pgbench.', 'PUBLISHED'
from (select id from category order by random() limit 1) c, (select id from author order by random() limit 1) a;
