-- V41: what a fetch under way is doing ("downloading", "writing 50 entries"), shown on the
-- source's page while "Fetch now" runs in the background; null when no fetch is running.
-- And an index to count a source's posts of the last day, for its daily publishing limit.
alter table feed_source add column fetch_progress varchar(200);

create index post_source_created on post (source_id, created_at) where source_id is not null;
