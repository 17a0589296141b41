-- V80: forms an editor sent after their session had ended (or with a stale CSRF token), kept
-- for that browser until they sign in again and the form comes back with their input
-- (dev.blogroll.admin.KeptForms). Not content: never exported, never counted.
--
-- The application bounds what request data can fill here: bytes per browser, forms per
-- address, bytes in all (the oldest go first), and a lifetime after which a form is gone.
create table kept_form (
    -- the SHA-256 (hex) of the browser's kept-form cookie: the cookie itself is never stored
    browser  text        not null,
    -- the path the form was sent to, e.g. /admin/posts/42/edit
    action   text        not null,
    -- the fields as the browser sent them (application/x-www-form-urlencoded), minus the CSRF token
    fields   text        not null,
    bytes    integer     not null check (bytes >= 0),
    address  text        not null,
    kept_at  timestamptz not null,
    primary key (browser, action)
);

create index kept_form_kept_at on kept_form (kept_at);
create index kept_form_address on kept_form (address);
