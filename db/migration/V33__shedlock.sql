-- V33: ShedLock's lock table. The feed poller runs on every instance, but ShedLock lets only
-- one of them run it at a time (the row of the job holds who has it and until when).

create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
