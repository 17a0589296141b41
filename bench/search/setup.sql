-- Before loading generated posts (bench/search/load.sh), on a database Flyway has just created:
-- the categories, authors and tags generate.py refers to (ids from 1001), a staging table for
-- the tags of each post, and the GIN index dropped, to be built once after the load as a bulk
-- import would.
insert into category (id, slug, name) overriding system value
select 1000 + i, lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g')), name
from unnest(array['Engineering', 'Infrastructure', 'Reliability', 'Security', 'Data', 'Databases',
  'Distributed Systems', 'Observability', 'Performance', 'Frontend', 'Mobile', 'Developer Experience',
  'Machine Learning', 'Networking', 'Cloud', 'API Design', 'Testing', 'Open Source',
  'Programming Languages', 'Culture', 'Product', 'Release Notes', 'Career', 'Kubernetes'])
  with ordinality as c (name, i)
on conflict do nothing;
create table bench_author_name (first text, i int);
insert into author (id, slug, name) overriding system value
select 1000 + n, lower(f || '-' || l), f || ' ' || l
from (select row_number() over () as n, f, l
      from unnest(array['Alvarez', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Gupta', 'Haddad', 'Ito',
        'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quispe',
        'Rossi', 'Sato', 'Tanaka', 'Usman', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Novak',
        'Silva', 'Murphy', 'Kim', 'Singh', 'Schmidt', 'Hughes', 'Mendes', 'Larsen', 'Oyelaran']) with ordinality as l (l, li)
      cross join unnest(array['Ana', 'Ben', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ines', 'Jonas',
        'Kavya', 'Liam', 'Mei', 'Nadia', 'Oskar', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tomas',
        'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Arjun', 'Bea', 'Carlos', 'Dmitri']) with ordinality as f (f, fi)
      order by li, fi) as names
where n <= 1000;
drop table bench_author_name;
create table bench_post_tag (slug text, tag text);
drop index if exists post_search;
