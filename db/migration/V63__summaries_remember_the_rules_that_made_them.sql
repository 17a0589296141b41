-- V63: summaries derived from a post's body are now made from its rendered text (block
-- boundaries as sentence breaks; tables, code and images left out), where they used to be
-- the Markdown source's text run together. summary_rules says which rules made a row's
-- summary: rows written before this migration have 1, rows inserted from now on 2 (the
-- column's default, whichever writer inserts them). dev.blogroll.post.SummaryRefresh
-- rewrites the derived summaries of rows still at 1 in the background, in batches, once.

alter table post add column summary_rules smallint not null default 1;
alter table post alter column summary_rules set default 2;
