namespace CaseFlow.EventStore.Schema;

/// <summary>
/// The event store's own tables in schema <c>es</c>: streams, events, projection progress and dead letters, command
/// idempotency records and durable scheduled jobs. The tenant is the first column of every tenant-owned key, so a
/// national deployment can distribute these tables by tenant without a schema change.
/// </summary>
public static class EventStoreSchema
{
    public const string ModuleName = "es";

    /// <summary>Every writer takes this advisory lock shared; a rebuild's table swap takes it exclusively.</summary>
    public const long WriterBarrierKey = 0x43_46_57_52_49_54; // "CFWRIT"

    public static SchemaModule Module { get; } = new(ModuleName,
    [
        new Migration(1, "streams, events, progress, commands, jobs", $$"""
            create table if not exists es.streams (
              tenant_id   text        not null,
              id          uuid        not null,
              type        text        not null,
              version     bigint      not null,
              last_tx     bigint      not null,
              created_at  timestamptz not null default now(),
              updated_at  timestamptz not null default now(),
              is_archived boolean     not null default false,
              primary key (tenant_id, id));

            -- No default on seq: nextval is only ever called inside es.append.
            create sequence if not exists es.events_seq;

            create table if not exists es.events (
              tenant_id   text        not null,
              seq         bigint      not null,
              id          uuid        not null,
              stream_id   uuid        not null,
              version     bigint      not null,
              type        text        not null,
              data        jsonb       not null,
              metadata    jsonb       not null default '{}',
              recorded_at timestamptz not null default now(),
              -- the writing transaction's id: projectors read only below the oldest running transaction (ADR 0001)
              tx_id       bigint      not null,
              is_archived boolean     not null default false,
              primary key (tenant_id, seq),
              -- THE concurrency guard: two writers can never both store version N of a stream.
              unique (tenant_id, stream_id, version),
              foreign key (tenant_id, stream_id) references es.streams (tenant_id, id));
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
        new Migration(2, "append function", $$"""
            -- Appends events to one or more streams of one tenant, in one statement.
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
              v_tx      bigint := pg_current_xact_id()::text::bigint;
              v_n       int    := coalesce(array_length(p_streams, 1), 0);
              v_current bigint[];
              v_counts  bigint[];
              v_result  bigint[];
              r         record;
              i         int;
            begin
              if v_n = 0 then
                return '{}';
              end if;
              perform pg_advisory_xact_lock_shared({{WriterBarrierKey}});
              v_current := array_fill(-1::bigint, array[v_n]);

              for r in
                select s.id, s.type, s.version, s.last_tx, s.is_archived
                  from es.streams s
                 where s.tenant_id = p_tenant and s.id = any(p_streams)
                 order by s.id
                   for update
              loop
                i := array_position(p_streams, r.id);
                if r.is_archived then
                  raise exception using errcode = 'CF410', message = format('stream %s is archived', r.id), detail = r.id::text;
                end if;
                if r.type <> p_stream_types[i] then
                  raise exception using errcode = 'CF422', message = format('stream %s is a %s stream, not %s', r.id, r.type, p_stream_types[i]),
                    detail = r.id::text, hint = r.type;
                end if;
                if p_expected[i] = 0 or (p_expected[i] > 0 and p_expected[i] <> r.version) then
                  raise exception using errcode = 'CF409', message = format('stream %s is at version %s, expected %s', r.id, r.version, p_expected[i]),
                    detail = r.id::text, hint = r.version::text;
                end if;
                if r.last_tx > v_tx then
                  raise exception using errcode = 'CF411', message = format('stream %s was last written by a younger transaction', r.id), detail = r.id::text;
                end if;
                v_current[i] := r.version;
              end loop;

              for i in 1 .. v_n loop
                if v_current[i] = -1 and p_expected[i] > 0 then
                  raise exception using errcode = 'CF404', message = format('stream %s does not exist', p_streams[i]), detail = p_streams[i]::text;
                end if;
              end loop;

              select array_agg(coalesce(c.n, 0) order by s.i) into v_counts
                from generate_subscripts(p_streams, 1) as s(i)
                left join (select e, count(*) as n from unnest(p_event_stream) as e group by e) c on c.e = s.i;

              insert into es.streams (tenant_id, id, type, version, last_tx)
              select p_tenant, p_streams[s.i], p_stream_types[s.i], v_counts[s.i], v_tx
                from generate_subscripts(p_streams, 1) as s(i)
               where v_current[s.i] = -1;

              update es.streams st
                 set version = u.version, last_tx = v_tx, updated_at = now()
                from (select p_streams[s.i] as id, v_current[s.i] + v_counts[s.i] as version
                        from generate_subscripts(p_streams, 1) as s(i)
                       where v_current[s.i] >= 0 and v_counts[s.i] > 0) u
               where st.tenant_id = p_tenant and st.id = u.id;

              insert into es.events (tenant_id, seq, id, stream_id, version, type, data, metadata, recorded_at, tx_id)
              select p_tenant, nextval('es.events_seq'), e.id, p_streams[e.s],
                     greatest(v_current[e.s], 0) + row_number() over (partition by e.s order by e.ord),
                     e.type, e.data, e.meta, p_recorded_at, v_tx
                from unnest(p_event_stream, p_event_ids, p_event_types, p_event_data, p_event_meta)
                     with ordinality as e(s, id, type, data, meta, ord);

              v_result := array_fill(0::bigint, array[v_n]);
              for i in 1 .. v_n loop
                v_result[i] := greatest(v_current[i], 0) + v_counts[i];
              end loop;
              return v_result;
            end
            $fn$;
            """),
    ]);
}
