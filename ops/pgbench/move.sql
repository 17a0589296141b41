update post set category_id = (select id from category order by random() limit 1), updated_at = now(), version = version + 1
where slug = (select slug from post where slug > 'pgb-' || md5(random()::text) and slug < 'pgb.' order by slug limit 1);
