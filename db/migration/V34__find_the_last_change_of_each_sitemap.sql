-- V34: the sitemap index finds each post sitemap's last change without reading every post.
--
-- Post sitemap N lists the posts whose ids are in ((N - 1) × size, N × size]
-- (blogroll.sitemap-size, 50,000 by default), and the index gives each file its last change:
-- the newest greatest(updated_at, published_at) among the posts it lists. Reading that from
-- the table means reading every post on every request (1.6 s at 1,000,000 posts).
--
-- This index holds the posts a sitemap may list (published, and not aggregated: a source URL
-- and no body) grouped by granules of 1,000 ids, (id - 1) / 1000, newest change first. The
-- newest change of a granule is then its first entry, one index descent: at 1,000,000 posts
-- the sitemap index costs about 1,000 descents. A file of a multiple of 1,000 ids (the default is) is
-- made of whole granules; a granule cut by a file boundary is read entry by entry. Whether a
-- published post's time has come is checked on the entry, and the entry says which file it
-- belongs to, so published_at, updated_at and id are included: no table row is read.
--
-- PostgreSQL keeps no statistics on the expressions of a partial index, and would guess 5,000
-- posts per granule (when there are at most 1,000), making the plan look costly enough to be
-- JIT-compiled on every request; the statistics object gives it the real figure, once the
-- table is analyzed (here, since nothing else would until enough posts change: 0.5 s at
-- 1,000,000 posts).
--
-- The price: one more index entry per post a sitemap may list, and updated_at is now
-- indexed, so an update that changes it can no longer be a HOT update.

create index post_sitemap on post (((id - 1) / 1000), greatest(updated_at, published_at) desc)
    include (id, published_at, updated_at)
    where status = 'PUBLISHED' and not (source_url is not null and body is null);

create statistics post_sitemap_granule on ((id - 1) / 1000) from post;

analyze post;
