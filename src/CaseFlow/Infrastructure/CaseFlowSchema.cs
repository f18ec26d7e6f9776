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
    ]);
}
