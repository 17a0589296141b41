-- V52: an aggregated post is never this site's own page. Entries without a usable link (for
-- instance RSS items that give their link only as <a10:link>, which was not read) became
-- published posts with no source URL: their canonical pointed at this site and sitemaps
-- listed them. Feed ingest no longer makes such posts; those already made go back to drafts,
-- for an editor to give them their original's address, or trash them.

update post set status = 'DRAFT', updated_at = now(), version = version + 1
where created_by = 'feed' and source_url is null and body is null and status = 'PUBLISHED';
