-- V50: a page per blog (/blog/source/<slug>), its description, when it last brought a new
-- post, and sources imported from OPML that wait for an editor's review before they are fetched.
--
-- Existing sources get a slug made from their name: lower case, the common accented letters
-- without their accents, every run of other characters a hyphen, at most 80 characters,
-- "blog" if nothing is left, and "-<id>" where two names give the same slug. New sources get
-- theirs from dev.blogroll.text.Slugs, as everything else does.

alter table feed_source
    add column slug              varchar(80),
    add column description       varchar(1000) not null default '',
    add column last_new_post_at  timestamptz,
    add column awaiting_review   boolean not null default false;

update feed_source set slug = coalesce(nullif(left(trim(both '-' from regexp_replace(
        translate(lower(name), 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ', 'aaaaaaceeeeiiiinoooooouuuuyy'),
        '[^a-z0-9]+', '-', 'g')), 70), ''), 'blog');
update feed_source set slug = trim(both '-' from slug);
update feed_source s set slug = s.slug || '-' || s.id
where exists (select 1 from feed_source o where o.slug = s.slug and o.id < s.id);

alter table feed_source
    alter column slug set not null,
    add constraint feed_source_slug_unique unique (slug),
    add constraint feed_source_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- a row written without a slug (by SQL outside FeedSources: scripts, restores, tests) gets
-- one the same way; FeedSources always gives one, made by dev.blogroll.text.Slugs
create function feed_source_default_slug() returns trigger language plpgsql as $$
begin
    if new.slug is null then
        new.slug := coalesce(nullif(trim(both '-' from left(trim(both '-' from regexp_replace(
                translate(lower(new.name), 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ', 'aaaaaaceeeeiiiinoooooouuuuyy'),
                '[^a-z0-9]+', '-', 'g')), 70)), ''), 'blog');
        if exists (select 1 from feed_source where slug = new.slug) then
            new.slug := new.slug || '-' || new.id;
        end if;
    end if;
    return new;
end $$;

create trigger feed_source_default_slug before insert on feed_source
    for each row execute function feed_source_default_slug();

update feed_source s set last_new_post_at = (select max(p.created_at) from post p where p.source_id = s.id);

-- the listing of a blog's posts, newest first, as the other listings read theirs
create index post_listing_source on post (source_id, published_at desc, id desc)
    where status = 'PUBLISHED' and source_id is not null;

-- "source" and "blogs" name the new pages: no category may take them (a category called
-- "source" would lose its posts' URLs to the blogs' pages)
update category set slug = slug || '-category' where slug in ('source', 'sources', 'blogs');
alter table category drop constraint category_slug_not_reserved;
alter table category add constraint category_slug_not_reserved check (slug not in
    ('page', 'tag', 'tags', 'author', 'authors', 'feed', 'search', 'admin', 'category',
     'categories', 'sitemap', 'rss', 'atom', 'api', 'static', 'css', 'js', 'images',
     'source', 'sources', 'blogs'));
