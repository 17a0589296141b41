-- V72: WebSub. A source whose feed names a hub is subscribed to it: the hub calls
-- /websub/{source}/{token} to verify the subscription, then posts the feed there when it
-- changes, signed with the subscription's secret (X-Hub-Signature). One subscription a source.

create table websub_subscription (
    source_id     bigint        primary key references feed_source (id) on delete cascade,
    hub_url       varchar(2000) not null,
    topic_url     varchar(2000) not null,
    -- the callback's last path segment: unguessable, so nobody else can post to the callback
    token         varchar(64)   not null,
    -- the HMAC key the hub signs pushes with (hub.secret; the spec allows up to 200 bytes)
    secret        varchar(128)  not null,
    -- REQUESTED: asked, waiting for the hub's verification; ACTIVE: verified, pushes accepted;
    -- FAILED: the hub refused or never verified, the source is polled as usual
    state         varchar(20)   not null check (state in ('REQUESTED', 'ACTIVE', 'FAILED')),
    requested_at  timestamptz   not null,
    verified_at   timestamptz,
    expires_at    timestamptz,
    -- when to ask the hub again after a failure
    retry_at      timestamptz,
    last_push_at  timestamptz,
    pushes        integer       not null default 0,
    last_error    varchar(1000)
);
