-- V62: /blog/<category>/rss and /blog/<category>/atom answer 301 to the category's feed, so
-- no new post may take those slugs (PostRules says so to editors and imports first; feed
-- ingest numbers such a slug). NOT VALID: a post that already has one keeps it, since no
-- rule may rewrite readers' URLs behind an editor's back; its page is shadowed by the redirect
-- until an editor renames it, and saving it asks for another slug.

alter table post drop constraint post_slug_not_reserved;
alter table post add constraint post_slug_not_reserved
    check (slug not in ('page', 'feed', 'feed.atom', 'feed.rss', 'rss', 'atom')) not valid;
