-- V61: an author's page shows a short bio and an avatar when an editor has set them.
-- The avatar is an https address for now (a media library may later host it); the page
-- shows it at 96 × 96 CSS pixels.

alter table author add column bio varchar(500) not null default '';
alter table author add column avatar_url varchar(2000);
alter table author add constraint author_avatar_url_https check (avatar_url ~* '^https://');
