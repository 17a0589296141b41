-- V60: editors choose which categories the header shows, and in what order.
--
-- With many categories the header wrapped and pushed the search box to a row of its own.
-- nav_position orders the categories everywhere readers see them (header, footer, home page,
-- the phone menu); in_navigation says whether the header shows one (the phone menu, the
-- footer and the home page show every category that has posts). Existing categories keep
-- the order they had, by name.

alter table category add column nav_position integer not null default 0;
alter table category add column in_navigation boolean not null default true;

update category c set nav_position = ordered.position
from (select id, row_number() over (order by name) as position from category) ordered
where ordered.id = c.id;
