-- V20: aggregation. Feed sources with their fetch state, the log of their fetches, and what
-- a post aggregated from a feed remembers to recognise its entry again (GUID, link, content).

create table feed_source (
    id                     bigint generated always as identity primary key,
    name                   varchar(200)  not null,
    site_url               varchar(2000) not null,
    feed_url               varchar(2000) not null,
    category_id            bigint        not null references category (id),
    -- comma-separated tag names added to every post of the source
    default_tags           varchar(500)  not null default '',
    active                 boolean       not null default true,
    fetch_interval_minutes integer       not null default 60,
    etag                   varchar(1000),
    last_modified          varchar(200),
    last_fetched_at        timestamptz,
    last_success_at        timestamptz,
    last_error             varchar(1000),
    last_new_posts         integer       not null default 0,
    consecutive_failures   integer       not null default 0,
    next_fetch_at          timestamptz   not null default now(),
    -- while set and in the future, one instance is fetching the source: a lease, so that two
    -- instances on this database never fetch it at the same time
    fetching_until         timestamptz,
    created_at             timestamptz   not null default now(),
    constraint feed_source_feed_url_unique unique (feed_url),
    constraint feed_source_name_not_blank check (btrim(name) <> ''),
    constraint feed_source_site_url_http check (site_url ~* '^https?://'),
    constraint feed_source_feed_url_http check (feed_url ~* '^https?://'),
    constraint feed_source_interval_range check (fetch_interval_minutes between 1 and 10080),
    constraint feed_source_failures_positive check (consecutive_failures >= 0)
);

create index feed_source_due on feed_source (next_fetch_at) where active;

create table feed_fetch (
    id           bigint generated always as identity primary key,
    source_id    bigint        not null references feed_source (id) on delete cascade,
    started_at   timestamptz   not null,
    duration_ms  integer       not null,
    http_status  integer,
    -- OK, NOT_MODIFIED, GONE, RETRY_LATER, FAILED, REFUSED
    outcome      varchar(20)   not null,
    new_posts    integer       not null default 0,
    updated_posts integer      not null default 0,
    message      varchar(1000)
);

create index feed_fetch_by_source on feed_fetch (source_id, id desc);

alter table post
    add column source_id    bigint references feed_source (id) on delete set null,
    add column guid         varchar(2000),
    -- the entry's link without tracking parameters, scheme, "www." or trailing slash
    add column link_key     varchar(2000),
    -- sha-256 of the entry's normalized title and text
    add column content_hash varchar(64);

create unique index post_source_guid on post (source_id, guid) where source_id is not null;
create index post_link_key on post (link_key) where link_key is not null;
create index post_content_hash on post (content_hash) where content_hash is not null;
