delete from post where slug = (select slug from post where slug > 'pgb-' || md5(random()::text) and slug < 'pgb.' order by slug limit 1);
