using CaseFlow.EventStore.Schema;

namespace CaseFlow.Infrastructure;

/// <summary>
/// CaseFlow's own tables (schema <c>cf</c>: configuration-like data that is not event-sourced) and the read-model schema
/// <c>rm</c>, whose tables the projections create themselves.
/// </summary>
public static class CaseFlowSchema
{
    public static SchemaModule Module { get; } = new("cf",
    [
        new Migration(1, "schemas, calendar years", """
            create schema if not exists cf;
            create schema if not exists rm;

            -- Holiday notices loaded at run time (a new year's State Council notice, without a code change). They extend,
            -- and for the same year replace, the notices shipped in Deadlines/Data/cn-workday-calendar.json.
            create table if not exists cf.calendar_years (
              year       int         primary key,
              holidays   date[]      not null,
              workdays   date[]      not null,
              source     text        not null,
              loaded_at  timestamptz not null default now(),
              loaded_by  text        not null);
            """),
        new Migration(2, "user accounts", """
            -- Accounts are configuration, not case facts: a plain table. Every fact they record carries the user name.
            create table if not exists cf.users (
              user_name        text        primary key,
              agency           text        not null,
              display_name     text        not null,
              password_hash    text        not null,
              roles            text[]      not null,
              failed_attempts  int         not null default 0,
              locked_until     timestamptz,
              disabled         boolean     not null default false,
              email            text,
              created_at       timestamptz not null default now(),
              last_sign_in_at  timestamptz);
            create index if not exists users_agency on cf.users (agency);
            """),
        new Migration(3, "notifications", """
            -- Messages to users (reminders, digests, year-end proposals): operational, not case facts. A reminder is
            -- delivered to a user at most once (dedup_key), however often its job runs.
            create table if not exists cf.notifications (
              id          bigint      generated always as identity primary key,
              user_name   text        not null,
              agency      text        not null,
              kind        text        not null,
              title       text        not null,
              body        text        not null,
              link        text,
              dedup_key   text        not null,
              created_at  timestamptz not null default now(),
              read_at     timestamptz,
              unique (user_name, dedup_key));
            create index if not exists notifications_unread on cf.notifications (user_name, created_at desc) where read_at is null;
            """),
        new Migration(4, "letter templates", """
            -- An agency's own versions of the letter templates (the defaults ship with CaseFlow as version 0). Saving adds
            -- a version; an issued letter records the version it was made from, so old letters can be reproduced.
            create table if not exists cf.letter_templates (
              agency      text        not null,
              template    text        not null,
              version     int         not null,
              body        text        not null,
              saved_by    text        not null,
              saved_at    timestamptz not null default now(),
              primary key (agency, template, version));
            """),
    ]);
}
