-- V90: the media library (dev.blogroll.media). An uploaded image is kept in PostgreSQL, so
-- every instance serves it and nothing lives on an instance's disk: one row per image, named
-- by a hash of the bytes uploaded, and one row per width it is served at (re-encoded without
-- metadata, made once at upload). The upload writes the image and all its variants in one
-- transaction, so an image is there with every width or not at all.
create table media (
    id           bigint generated always as identity primary key,
    -- the first 32 hex digits of the SHA-256 of the uploaded bytes: its URLs never change content
    hash         char(32)     not null unique,
    file_name    varchar(255) not null,
    -- what is served: JPEG for photographs, PNG for images with transparency, GIFs and PNGs
    content_type varchar(20)  not null,
    -- the largest variant's size, after the EXIF orientation was applied
    width        integer      not null,
    height       integer      not null,
    uploaded_by  varchar(50)  not null,
    uploaded_at  timestamptz  not null,
    constraint media_hash_format check (hash ~ '^[0-9a-f]{32}$'),
    constraint media_content_type check (content_type in ('image/jpeg', 'image/png')),
    constraint media_size check (width between 1 and 20000 and height between 1 and 20000)
);

create table media_variant (
    media_id bigint  not null references media (id) on delete cascade,
    width    integer not null,
    height   integer not null,
    bytes    bytea   not null,
    primary key (media_id, width),
    constraint media_variant_size check (width between 1 and 20000 and height between 1 and 20000)
);

-- A post's image may be a library image, by its site path (/media/<hash>-<width>x<height>.jpg).
-- The post table is large on a large site and locked for as long as this migration runs, so
-- nothing here rewrites it and only the last index reads it once: the wider check is NOT VALID
-- (the rows it would check all passed the narrower one it replaces), the new column has no
-- default.
alter table post drop constraint post_image_url_http;
alter table post add constraint post_image_url_http
    check (image_url ~* '^https?://' or image_url ~ '^/media/[0-9a-f]{32}-[0-9]{1,5}x[0-9]{1,5}\.(jpg|png)$')
    not valid;

-- Which library image a post shows, derived from its address by a trigger (no writer has to set
-- it, none can set it otherwise), so that an image a post uses cannot be deleted, and the media
-- page finds its posts by index. (A generated column would rewrite the whole table and rebuild
-- every index of it, the search index included: a quarter of an hour at a million posts here.)
-- The foreign key is NOT VALID because every existing row has no library image.
alter table post add column image_media char(32);
alter table post add constraint post_image_media_fkey
    foreign key (image_media) references media (hash) on delete restrict not valid;

create function post_image_media() returns trigger language plpgsql as $$
begin
    new.image_media := substring(new.image_url from '^/media/([0-9a-f]{32})-');
    return new;
end
$$;

create trigger post_image_media before insert or update on post
    for each row execute function post_image_media();

create index post_image_media on post (image_media) where image_media is not null;
