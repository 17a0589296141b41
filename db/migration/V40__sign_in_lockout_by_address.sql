-- V40: sign-in throttling per (username, address) first. login_failure now holds three kinds of
-- key: "pair:<username>|<address>" (locked after a few failures), "user:<username>" and
-- "ip:<address>" (locked only at a much higher ceiling). Rows are forgotten an hour after their
-- last failure; the index lets that cleanup find them without reading the table.
create index login_failure_last_failure on login_failure (last_failure);

-- Addresses an account has signed in from: a username locked at its ceiling by failures from
-- many addresses still signs in from these, so an attacker cannot keep the real editor out.
-- Only a successful sign-in adds a row, so nothing here is written by an anonymous client.
create table login_known_address (
    username     varchar(50)  not null references account (username) on delete cascade,
    address      varchar(64)  not null,
    last_success timestamptz  not null,
    constraint login_known_address_pk primary key (username, address)
);
