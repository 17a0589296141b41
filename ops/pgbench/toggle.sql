update post set status = case status when 'PUBLISHED' then 'DRAFT' else 'PUBLISHED' end, updated_at = now(), version = version + 1
where slug = (select slug from post where slug > 'pgb-' || md5(random()::text) and slug < 'pgb.' order by slug limit 1) and status <> 'TRASHED';
