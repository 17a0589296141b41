-- V2: what editors need: accounts, login throttling, sessions shared by every instance,
-- who changed a post and when, a trash, and old slugs that keep redirecting.

create table account (
    id            bigint generated always as identity primary key,
    username      varchar(50)  not null,
    -- Spring Security's delegating format, e.g. {bcrypt}$2a$10$...
    password_hash varchar(200) not null,
    role          varchar(16)  not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    constraint account_username_unique unique (username),
    constraint account_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,49}$'),
    constraint account_role_known check (role in ('EDITOR', 'ADMIN'))
);

-- Failed logins, per username and per client address ("user:alice", "ip:203.0.113.7").
create table login_failure (
    throttle_key  varchar(120) primary key,
    failures      integer      not null,
    last_failure  timestamptz  not null,
    locked_until  timestamptz
);

-- Spring Session JDBC (its PostgreSQL schema), so that sessions survive restarts and are
-- shared by every instance.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Posts: who created and last changed them, and the trash. A trashed post keeps the status
-- it had, in trashed_status, so that restoring it puts it back exactly as it was.
alter table post
    add column created_by     varchar(50),
    add column updated_by     varchar(50),
    add column trashed_at     timestamptz,
    add column trashed_by     varchar(50),
    add column trashed_status varchar(16),
    drop constraint post_status_known,
    add constraint post_status_known check (status in ('DRAFT', 'PUBLISHED', 'TRASHED')),
    add constraint post_trash_consistent check (
        (status = 'TRASHED') = (trashed_at is not null and trashed_status in ('DRAFT', 'PUBLISHED')));

create index post_trash on post (trashed_at desc) where status = 'TRASHED';

-- Slugs a post had before: their URLs answer 301 to the post's current URL.
create table post_old_slug (
    slug    varchar(80) primary key,
    post_id bigint      not null references post (id) on delete cascade
);
