-- V98: apply_listing_count_changes (V36) sums a statement's changes to the listing counts once,
-- not twice.
--
-- Why: it called listing_count_deltas twice, once for the counts and once more only for the
-- distinct listings whose last change it notes, so each statement writing posts grouped its
-- rows (each post four times: every post and its category, by month and by day) twice. An
-- import chunk of 20,000 posts spent about 0.27 s in this function (14.1 s of PostgreSQL's
-- time in a million-post import); the tags' counterpart (V95) already sums once.

create or replace function apply_listing_count_changes(changes listing_count_change[]) returns void
language plpgsql as $$
begin
    with deltas as (
        select * from listing_count_deltas(changes)
    ), counted as (
        insert into listing_count_pending (kind, listing_id, unit, starts_at, ends_at, delta)
        select * from deltas
    )
    insert into listing_change_pending (kind, listing_id, changed_at)
    select distinct d.kind, d.listing_id, now() from deltas d;
end
$$;
