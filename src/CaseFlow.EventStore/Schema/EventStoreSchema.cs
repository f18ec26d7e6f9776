namespace CaseFlow.EventStore.Schema;

/// <summary>
/// The event store's own tables in schema <c>es</c>: streams, events, projection progress and dead letters, command
/// idempotency records and durable scheduled jobs. The tenant is the first column of every tenant-owned key, so a
/// national deployment can distribute these tables by tenant without a schema change.
/// </summary>
/// <remarks>
/// A stream's row is its identity, type and archive flag, and the row writers lock so that they queue. Its version is
/// not stored there: it is the highest version among its events (the primary key), read under that lock, so an append
/// to an existing stream writes nothing but its events (ADR 0001 has the measurements).
/// </remarks>
public static class EventStoreSchema
{
    public const string ModuleName = "es";

    public static SchemaModule Module { get; } = new(ModuleName,
    [
        new Migration(1, "streams, events, progress, commands, jobs", """
            create table if not exists es.streams (
              tenant_id   text        not null,
              id          uuid        not null,
              type        text        not null,
              created_at  timestamptz not null default now(),
              is_archived boolean     not null default false,
              primary key (tenant_id, id));

            -- No default on seq: nextval is only ever called by the append paths.
            create sequence if not exists es.events_seq;

            create table if not exists es.events (
              tenant_id   text        not null,
              stream_id   uuid        not null,
              version     bigint      not null,
              seq         bigint      not null,
              id          uuid        not null,
              type        text        not null,
              data        jsonb       not null,
              metadata    jsonb       not null default '{}',
              recorded_at timestamptz not null default now(),
              -- the writing transaction's id: projectors read only below the oldest running transaction (ADR 0001)
              tx_id       bigint      not null default (pg_current_xact_id()::text::bigint),
              is_archived boolean     not null default false,
              -- THE concurrency guard, and the event's identity: two writers can never both store version N of a
              -- stream. (seq is unique by its sequence; an index on it would cost every append and serve no query.)
              primary key (tenant_id, stream_id, version));
              -- No foreign key to es.streams: every append writes or locks its stream row in the same transaction,
              -- and a per-event RI check cost a fifth of the append time (ADR 0001).
            alter sequence es.events_seq owned by es.events.seq;
            create index if not exists events_log_order on es.events (tx_id, seq);

            create table if not exists es.progress (
              name               text        primary key,
              projection_version int         not null default 1,
              last_tx            bigint      not null default 0,
              last_seq           bigint      not null default 0,
              events_applied     bigint      not null default 0,
              updated_at         timestamptz not null default now());

            create table if not exists es.dead_letters (
              projection  text        not null,
              tenant_id   text        not null,
              seq         bigint      not null,
              event_type  text        not null,
              stream_id   uuid        not null,
              error       text        not null,
              recorded_at timestamptz not null default now(),
              primary key (projection, tenant_id, seq));

            -- Command idempotency: a command id applied once is answered from here ever after.
            create table if not exists es.commands (
              tenant_id   text        not null,
              id          text        not null,
              stream_id   uuid        not null,
              version     bigint      not null,
              result      jsonb,
              recorded_at timestamptz not null default now(),
              primary key (tenant_id, id));

            create table if not exists es.jobs (
              tenant_id    text        not null,
              id           uuid        not null,
              kind         text        not null,
              payload      jsonb       not null,
              due_at       timestamptz not null,
              status       text        not null default 'pending'
                           check (status in ('pending', 'running', 'done', 'dead', 'cancelled')),
              attempts     int         not null default 0,
              max_attempts int         not null default 8,
              locked_by    text,
              locked_until timestamptz,
              last_error   text,
              dedup_key    text,
              created_at   timestamptz not null default now(),
              completed_at timestamptz,
              primary key (tenant_id, id));
            create unique index if not exists jobs_dedup on es.jobs (tenant_id, dedup_key) where dedup_key is not null;
            create index if not exists jobs_pending_due on es.jobs (due_at) where status = 'pending';
            create index if not exists jobs_running_lease on es.jobs (locked_until) where status = 'running';
            """),
        new Migration(2, "append function", """
            -- Appends to streams whose versions the caller does not know ("blind" appends), for one tenant.
            -- (Appends to new streams, or to streams the caller locked and read, are plain statements in C#.)
            --   p_expected per stream: -1 any version, 0 must be new, n must be exactly at version n.
            --   p_event_stream per event: 1-based index into p_streams; events keep their order within a stream.
            -- Errors: CF409 version conflict (or stream exists when new was expected), CF404 missing stream,
            -- CF410 archived, CF422 stream type differs, CF411 the stream was last written by a younger transaction
            -- (retry: it keeps tx order equal to version order within every stream, which projectors rely on).
            create or replace function es.append(
              p_tenant       text,
              p_streams      uuid[],
              p_stream_types text[],
              p_expected     bigint[],
              p_event_stream int[],
              p_event_ids    uuid[],
              p_event_types  text[],
              p_event_data   jsonb[],
              p_event_meta   jsonb[],
              p_recorded_at  timestamptz)
            returns bigint[]
            language plpgsql
            as $fn$
            declare
              v_tx       bigint := pg_current_xact_id()::text::bigint;
              v_n        int    := coalesce(cardinality(p_streams), 0);
              v_m        int    := coalesce(cardinality(p_event_stream), 0);
              v_current  bigint[];
              v_next     bigint[];
              v_versions bigint[];
              v_version  bigint;
              v_last_tx  bigint;
              r          record;
              i          int;
              s          int;
            begin
              if v_n = 0 then
                return '{}';
              end if;
              v_current := array_fill(-1::bigint, array[v_n]);

              -- Existing streams: lock them (in id order), then read their current version under the lock.
              for r in
                select st.id, st.type, st.is_archived
                  from es.streams st
                 where st.tenant_id = p_tenant and st.id = any(p_streams)
                 order by st.id
                   for update
              loop
                i := array_position(p_streams, r.id);
                select e.version, e.tx_id into v_version, v_last_tx
                  from es.events e where e.tenant_id = p_tenant and e.stream_id = r.id
                 order by e.version desc limit 1;
                v_version := coalesce(v_version, 0);
                if r.is_archived then
                  raise exception using errcode = 'CF410', message = format('stream %s is archived', r.id);
                end if;
                if r.type <> p_stream_types[i] then
                  raise exception using errcode = 'CF422', message = format('stream %s is a %s stream, not %s', r.id, r.type, p_stream_types[i]), hint = r.type;
                end if;
                if p_expected[i] = 0 or (p_expected[i] > 0 and p_expected[i] <> v_version) then
                  raise exception using errcode = 'CF409', message = format('stream %s is at version %s, expected %s', r.id, v_version, p_expected[i]), hint = v_version::text;
                end if;
                if v_last_tx > v_tx then
                  raise exception using errcode = 'CF411', message = format('stream %s was last written by a younger transaction', r.id);
                end if;
                v_current[i] := v_version;
              end loop;

              for i in 1 .. v_n loop
                if v_current[i] = -1 and p_expected[i] > 0 then
                  raise exception using errcode = 'CF404', message = format('stream %s does not exist', p_streams[i]);
                end if;
              end loop;

              -- Versions: each stream continues from its current version, in the order its events were given.
              v_next := v_current;
              for i in 1 .. v_n loop
                if v_next[i] < 0 then
                  v_next[i] := 0;
                end if;
              end loop;
              v_versions := array_fill(0::bigint, array[greatest(v_m, 1)]);
              for i in 1 .. v_m loop
                s := p_event_stream[i];
                v_next[s] := v_next[s] + 1;
                v_versions[i] := v_next[s];
              end loop;

              insert into es.streams (tenant_id, id, type)
              select p_tenant, p_streams[x.i], p_stream_types[x.i]
                from generate_subscripts(p_streams, 1) as x(i)
               where v_current[x.i] = -1;

              insert into es.events (tenant_id, stream_id, version, seq, id, type, data, metadata, recorded_at, tx_id)
              select p_tenant, p_streams[e.s], e.v, nextval('es.events_seq'), e.id, e.type, e.data, e.meta, p_recorded_at, v_tx
                from unnest(p_event_stream, p_event_ids, v_versions, p_event_types, p_event_data, p_event_meta)
                     as e(s, id, v, type, data, meta);

              return v_next;
            end
            $fn$;
            """),
        new Migration(3, "row-count assertion", """
            -- Lets a batch check a write's row count before its COMMIT, in the same round trip.
            create or replace function es.expect_rows(p_actual int, p_expected int, p_code text, p_message text)
            returns int
            language plpgsql
            as $fn$
            begin
              if p_actual is distinct from p_expected then
                raise exception using errcode = p_code, message = p_message;
              end if;
              return p_actual;
            end
            $fn$;
            """),
    ]);
}
