\set month random(0, 35)
\set offset random(0, 86400)
update post set published_at = timestamptz '2024-01-01 00:00:00+00' + make_interval(months => :month) + make_interval(secs => :offset - 43200), updated_at = now(), version = version + 1
where slug = (select slug from post where slug > 'pgb-' || md5(random()::text) and slug < 'pgb.' order by slug limit 1);
