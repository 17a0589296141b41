-- V1: the blog itself: categories, authors, tags and posts.
-- Slugs are URL segments, so their shape is checked here as well as in Java.
-- Category slugs must not collide with the fixed URL words under /blog (page, tag, author, ...).

create table category (
    id          bigint generated always as identity primary key,
    slug        varchar(80)  not null,
    name        varchar(100) not null,
    description varchar(500) not null default '',
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint category_slug_unique unique (slug),
    constraint category_name_unique unique (name),
    constraint category_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint category_slug_not_reserved check (slug not in
        ('page', 'tag', 'tags', 'author', 'authors', 'feed', 'search', 'admin', 'category',
         'categories', 'sitemap', 'rss', 'atom', 'api', 'static', 'css', 'js', 'images')),
    constraint category_name_not_blank check (btrim(name) <> '')
);

create table author (
    id         bigint generated always as identity primary key,
    slug       varchar(80)  not null,
    name       varchar(200) not null,
    created_at timestamptz  not null default now(),
    constraint author_slug_unique unique (slug),
    constraint author_name_unique unique (name),
    constraint author_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint author_name_not_blank check (btrim(name) <> '')
);

create table tag (
    id            bigint generated always as identity primary key,
    slug          varchar(80) not null,
    name          varchar(80) not null,
    -- position in the tag strip under the header; null for tags not shown there
    featured_rank integer,
    created_at    timestamptz not null default now(),
    constraint tag_slug_unique unique (slug),
    constraint tag_featured_rank_unique unique (featured_rank),
    constraint tag_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint tag_name_not_blank check (btrim(name) <> ''),
    constraint tag_featured_rank_positive check (featured_rank > 0)
);

create unique index tag_name_unique_ci on tag (lower(name));

create table post (
    id           bigint generated always as identity primary key,
    slug         varchar(80)   not null,
    title        varchar(200)  not null,
    category_id  bigint        not null references category (id),
    author_id    bigint        not null references author (id),
    published_at timestamptz   not null,
    -- the editor's excerpt, if any
    excerpt      text,
    -- what cards show: the excerpt, or one derived from the body, at most 300 characters
    summary      varchar(300)  not null,
    -- Markdown; null for a post aggregated from elsewhere that has no body of its own
    body         text,
    image_url    varchar(2000),
    image_alt    varchar(300)  not null default '',
    source_url   varchar(2000),
    status       varchar(16)   not null,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    version      bigint        not null default 0,
    constraint post_slug_unique unique (slug),
    constraint post_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint post_slug_not_reserved check (slug not in ('page', 'feed', 'feed.atom', 'feed.rss')),
    constraint post_title_not_blank check (btrim(title) <> ''),
    constraint post_status_known check (status in ('DRAFT', 'PUBLISHED')),
    constraint post_image_url_http check (image_url ~* '^https?://'),
    constraint post_source_url_http check (source_url ~* '^https?://')
);

-- "newest first, ties broken by id" for every listing: each index serves one listing kind
-- as an index range read, without sorting the table.
create index post_listing_all on post (published_at desc, id desc)
    where status = 'PUBLISHED';
create index post_listing_category on post (category_id, published_at desc, id desc)
    where status = 'PUBLISHED';
create index post_listing_author on post (author_id, published_at desc, id desc)
    where status = 'PUBLISHED';

create table post_tag (
    post_id bigint not null references post (id) on delete cascade,
    tag_id  bigint not null references tag (id),
    primary key (post_id, tag_id)
);

create index post_tag_by_tag on post_tag (tag_id, post_id);
