-- V10: full-text search over posts.
-- search_vector is kept by PostgreSQL itself (a stored generated column), so every insert and
-- update, whoever makes it, is searchable at once: the title weighs most (A), then the summary
-- (the editor's excerpt, or the body's opening; B), then the Markdown body (C). English stemming.
-- The GIN index finds the matching posts; /search ranks only those.

alter table post add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'C')) stored;

create index post_search on post using gin (search_vector);
