-- V91: a kept form (V80) belongs to the account that was signed in on that browser, not only to
-- the browser: it comes back only when the same account signs in there again, never to another
-- account signing in next on a shared browser (dev.blogroll.admin.KeptForms).
--
-- Forms kept before this migration have no known owner (''): no account has that name, so they
-- are never shown and go with the 24-hour lifetime.
alter table kept_form add column account text not null default '';
alter table kept_form drop constraint kept_form_pkey;
alter table kept_form add primary key (browser, account, action);

-- which account signed in last on a browser (named by the SHA-256 of its kept-form cookie), so
-- that a form sent after that account's session ended is kept for that account
create table kept_browser (
    browser      text        primary key,
    account      text        not null,
    signed_in_at timestamptz not null
);

create index kept_browser_signed_in_at on kept_browser (signed_in_at);
