using System.Diagnostics;
using System.Text.Json;
using CaseFlow.EventStore;
using CaseFlow.EventStore.Commands;
using CaseFlow.EventStore.Projections;
using CaseFlow.EventStore.Schema;
using CaseFlow.EventStore.Serialization;
using NodaTime;
using Npgsql;

namespace CaseFlow.Cli.Bench;

/// <summary>
/// <c>caseflow bench eventstore</c>: every workload run twice in one process against one throwaway database, once
/// through CaseFlow's event store and once with plain Npgsql on the simplest sensible events table (no streams table,
/// no version check, no projections machinery), so the ratio shows what the event store's guarantees cost.
/// Durability stays as the server has it (fsync and synchronous_commit on for the embedded cluster).
/// </summary>
internal sealed class EventStoreBench(int streams, int commands, string? only, TextWriter output, TextWriter progress)
{
    private const string StreamType = "bench-request";
    private const int EventsPerStream = 5;
    private static readonly string[] s_outcomes = ["disclosed", "partially-disclosed", "refused-state-secret", "unable-not-held", "not-processed-repeat", "other"];
    private static readonly string[] s_applicants = ["natural-person", "commercial-enterprise", "research-institution", "public-interest-org", "legal-service-org", "other-org"];

    private readonly IClock _clock = SystemClock.Instance;
    private readonly EventTypeRegistry _registry = BenchEvents.Registry();

    public async Task<int> RunAsync(string connectionString, bool keep, CancellationToken ct)
    {
        await using var db = await BenchDatabase.CreateAsync(connectionString, "cf_bench_es");
        db.Keep = keep;
        var summary = new BenchSummaryProjection();
        var outcomes = new BenchOutcomeCountProjection();
        var appendStore = new CaseFlow.EventStore.EventStore(db.DataSource, _registry, new ProjectionRegistry(), _clock);
        var commandStore = new CaseFlow.EventStore.EventStore(db.DataSource, _registry, new ProjectionRegistry().AddInline(summary).AddAsync(outcomes), _clock);
        await commandStore.MigrateAsync([s_plainSchema]);
        var machine = await MachineInfo.DescribeAsync(db.DataSource);
        var rows = new List<BenchRow>();

        progress.WriteLine($"bench eventstore: {streams:N0} streams × {EventsPerStream} events per append workload, {commands:N0} commands per command workload");

        // Warm up both paths (JIT, connection pool, prepared statements) on streams the timed workloads do not use.
        var warm = Math.Max(50, Math.Min(1000, streams / 10));
        var warmOffset = 10 * streams;
        await AppendPerStreamAsync(appendStore, warmOffset, warm, 8, ct);
        await PlainAppendPerStreamAsync(db.DataSource, warmOffset, warm, 8, ct);
        await AppendBatchedAsync(appendStore, warmOffset + warm, warm, ct);
        await PlainAppendBatchedAsync(db.DataSource, warmOffset + warm, warm, ct);

        // Appends, one transaction per stream. Each workload runs in rounds that alternate between the two sides (and
        // which side goes first), so that a noisy neighbour or a checkpoint hits both alike.
        var chunk = streams / Rounds;
        bool Runs(string workload) => only is null || only.Split(',').Contains(workload);
        if (Runs("append"))
        {
            var (ours1, plain1) = await CompareAsync("append, 1 writer", chunk * EventsPerStream,
                r => AppendPerStreamAsync(appendStore, r * chunk, chunk, 1, ct), r => PlainAppendPerStreamAsync(db.DataSource, r * chunk, chunk, 1, ct));
            rows.Add(new BenchRow("append, one transaction per stream, 1 writer", "events/s", ours1, plain1, 0.8));
            var (ours8, plain8) = await CompareAsync("append, 8 writers", chunk * EventsPerStream,
                r => AppendPerStreamAsync(appendStore, streams + r * chunk, chunk, 8, ct), r => PlainAppendPerStreamAsync(db.DataSource, streams + r * chunk, chunk, 8, ct));
            rows.Add(new BenchRow("append, one transaction per stream, 8 writers", "events/s", ours8, plain8, 0.8));
            var (serialised, plainSerialised) = await CompareAsync("append, 8 writers, one global lock", chunk * EventsPerStream,
                r => AppendPerStreamAsync(appendStore, 2 * streams + r * chunk, chunk, 8, ct, serialise: true), r => PlainAppendPerStreamAsync(db.DataSource, 2 * streams + r * chunk, chunk, 8, ct));
            rows.Add(new BenchRow("same, serialised by one global append lock (gap option A, rejected in ADR 0001)", "events/s", serialised, plainSerialised, null));
        }
        else
        {
            // The command and fetch workloads work on the one-writer workload's streams.
            await AppendBatchedAsync(appendStore, 0, streams, ct);
            await PlainAppendBatchedAsync(db.DataSource, 0, streams, ct);
        }

        // The import path: 500 streams per transaction.
        if (Runs("batched"))
        {
            var (oursBatch, plainBatch) = await CompareAsync("append batched", chunk * EventsPerStream,
                r => AppendBatchedAsync(appendStore, 3 * streams + r * chunk, chunk, ct), r => PlainAppendBatchedAsync(db.DataSource, 3 * streams + r * chunk, chunk, ct));
            rows.Add(new BenchRow("append batched, 500 streams per transaction", "events/s", oursBatch, plainBatch, 0.6));
        }

        // Command round trip on existing streams: lock, fold, decide, append one event, inline projection, commit.
        var pipeline = new CommandPipeline(commandStore);
        if (Runs("commands"))
        {
            await CommandsAsync(pipeline, Math.Min(commands, 500), 8, ct);
            await PlainCommandsAsync(db.DataSource, Math.Min(commands, 500), 8, ct);
            foreach (var clients in new[] { 1, 8 })
            {
                var perRound = commands / Rounds;
                var (ours, plain) = await CompareAsync($"commands, {clients} client(s)", perRound,
                    _ => CommandsAsync(pipeline, perRound, clients, ct), _ => PlainCommandsAsync(db.DataSource, perRound, clients, ct));
                rows.Add(new BenchRow($"command round trip, {clients} client{(clients == 1 ? "" : "s")}", "commands/s", ours, plain, 0.8));
            }
        }

        // Rebuilds over the whole log.
        if (Runs("rebuild"))
        {
            var totalOurs = await CountAsync(db.DataSource, "select count(*) from es.events");
            var totalPlain = await CountAsync(db.DataSource, "select count(*) from bench_plain.events");
            var answeredOurs = await CountAsync(db.DataSource, $"select count(*) from es.events where type = '{BenchEvents.AnsweredAlias}'");
            var answeredPlain = await CountAsync(db.DataSource, $"select count(*) from bench_plain.events where type = '{BenchEvents.AnsweredAlias}'");
            var reporter = new Progress<RebuildProgress>(_ => { });
            var rebuildSummary = await TimeAsync("rebuild summary (CaseFlow)", () => ProjectionRebuilder.RebuildAsync(commandStore, summary, reporter, 2000, ct), totalOurs);
            var plainSummary = await TimeAsync("rebuild summary (plain)", () => PlainRebuildSummaryAsync(db.DataSource, ct), totalPlain);
            rows.Add(new BenchRow($"rebuild per-request summary ({totalOurs:N0} events)", "events/s", rebuildSummary, plainSummary, 0.5));
            var rebuildCounts = await TimeAsync("rebuild outcome counts (CaseFlow)", () => ProjectionRebuilder.RebuildAsync(commandStore, outcomes, reporter, 2000, ct), answeredOurs);
            var plainCounts = await TimeAsync("rebuild outcome counts (plain)", () => PlainRebuildCountsAsync(db.DataSource, ct), answeredPlain);
            rows.Add(new BenchRow($"rebuild per-(agency, year) outcome count ({answeredOurs:N0} answers)", "events/s", rebuildCounts, plainCounts, 0.5));
        }

        // Fetch and fold one stream: the two sides alternate sample by sample.
        if (Runs("fetch"))
        {
            var (p50, p99, plainP50, plainP99) = await FetchLatencyAsync(commandStore, db.DataSource, ct);
            rows.Add(new BenchRow("fetch and fold one stream, p50", "ms", p50, plainP50, 0.8, HigherIsBetter: false));
            rows.Add(new BenchRow("fetch and fold one stream, p99", "ms", p99, plainP99, 0.8, HigherIsBetter: false));
        }

        BenchTable.Write(output, "Event store benchmark (ops/caseflow bench eventstore)", machine, rows);
        return rows.Any(r => r.Verdict == "BELOW TARGET") ? 3 : 0;
    }

    private const int Rounds = 4;

    /// <summary>Runs both sides round by round, alternating which goes first; rates are total units over total time.</summary>
    private async Task<(double Ours, double Plain)> CompareAsync(string label, long unitsPerRound, Func<int, Task> ours, Func<int, Task> plain)
    {
        progress.Write($"  {label}:");
        var oursTime = TimeSpan.Zero;
        var plainTime = TimeSpan.Zero;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var oursTurn in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var watch = Stopwatch.StartNew();
                await (oursTurn ? ours(round) : plain(round));
                if (oursTurn)
                {
                    oursTime += watch.Elapsed;
                }
                else
                {
                    plainTime += watch.Elapsed;
                }
            }

            progress.Write(".");
        }

        var result = (Rounds * unitsPerRound / oursTime.TotalSeconds, Rounds * unitsPerRound / plainTime.TotalSeconds);
        progress.WriteLine($" CaseFlow {result.Item1:N0}/s, plain {result.Item2:N0}/s");
        return result;
    }

    private async Task<double> TimeAsync(string label, Func<Task> work, long units)
    {
        progress.Write($"  {label} ...");
        var watch = Stopwatch.StartNew();
        await work();
        var rate = units / watch.Elapsed.TotalSeconds;
        progress.WriteLine($" {rate:N0}/s ({watch.Elapsed.TotalSeconds:0.0} s)");
        return rate;
    }

    private static string Tenant(int i) => $"agency-{i % 20}";

    private static Guid StreamId(int i) => new(i, 0x4243, 0x4346, [0, 0, 0, 0, 0, 0, 0, 1]);

    private List<object> EventsFor(int i)
    {
        var received = new LocalDate(2020 + (i % 6), 1 + (i % 12), 1 + (i % 28));
        return
        [
            new BenchEvents.RequestReceived(Tenant(i), received, "online", s_applicants[i % s_applicants.Length], $"申请人{i}", $"关于第{i}号文件的公开申请，请提供相关政府信息及其附件"),
            new BenchEvents.ClarificationRequested(received.PlusDays(3), "请补充所需信息的文件名称、文号或者便于查询的其他特征性描述", received.PlusDays(18)),
            new BenchEvents.ClarificationReceived(received.PlusDays(10)),
            new BenchEvents.ExtensionApproved(received.PlusDays(25), 20, "办公室主任"),
            new BenchEvents.Answered(received.PlusDays(40), s_outcomes[i % s_outcomes.Length], received.Year),
        ];
    }

    private async Task AppendPerStreamAsync(CaseFlow.EventStore.EventStore store, int offset, int count, int writers, CancellationToken ct, bool serialise = false)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var n = offset + i;
                await using var session = await store.OpenSessionAsync(Tenant(n), ct);
                if (serialise)
                {
                    await using var gate = session.Connection.Command("select pg_advisory_xact_lock(4242)", session.Transaction);
                    await gate.ExecuteNonQueryAsync(ct);
                }

                session.StartStream(StreamId(n), StreamType, EventsFor(n));
                await session.SaveChangesAsync(ct);
            }
        }, ct)));
    }

    private async Task AppendBatchedAsync(CaseFlow.EventStore.EventStore store, int offset, int count, CancellationToken ct)
    {
        // A batch holds one tenant's streams (a tenant's import), 500 at a time.
        var byTenant = Enumerable.Range(offset, count).GroupBy(Tenant);
        foreach (var tenant in byTenant)
        {
            foreach (var chunk in tenant.Chunk(500))
            {
                await using var session = await store.OpenSessionAsync(tenant.Key, ct);
                foreach (var n in chunk)
                {
                    session.StartStream(StreamId(n), StreamType, EventsFor(n));
                }

                await session.SaveChangesAsync(ct);
            }
        }
    }

    private async Task PlainAppendPerStreamAsync(NpgsqlDataSource dataSource, int offset, int count, int writers, CancellationToken ct)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await PlainInsertAsync(dataSource, [offset + i], ct);
            }
        }, ct)));
    }

    private async Task PlainAppendBatchedAsync(NpgsqlDataSource dataSource, int offset, int count, CancellationToken ct)
    {
        foreach (var tenant in Enumerable.Range(offset, count).GroupBy(Tenant))
        {
            foreach (var chunk in tenant.Chunk(500))
            {
                await PlainInsertAsync(dataSource, chunk, ct);
            }
        }
    }

    private async Task PlainInsertAsync(NpgsqlDataSource dataSource, IReadOnlyList<int> streamNumbers, CancellationToken ct)
    {
        var tenants = new List<string>();
        var ids = new List<Guid>();
        var versions = new List<int>();
        var types = new List<string>();
        var data = new List<string>();
        foreach (var n in streamNumbers)
        {
            var events = EventsFor(n);
            for (var v = 0; v < events.Count; v++)
            {
                tenants.Add(Tenant(n));
                ids.Add(StreamId(n));
                versions.Add(v + 1);
                types.Add(_registry.AliasOf(events[v].GetType()));
                data.Add(_registry.Serialize(events[v]));
            }
        }

        await using var command = dataSource.CreateCommand(
            "insert into bench_plain.events (tenant_id, stream_id, version, type, data) select * from unnest($1::text[], $2::uuid[], $3::int[], $4::text[], $5::jsonb[])");
        command.Parameters.Add(Db.Param(tenants.ToArray()));
        command.Parameters.Add(Db.Param(ids.ToArray()));
        command.Parameters.Add(Db.Param(versions.ToArray()));
        command.Parameters.Add(Db.Param(types.ToArray()));
        command.Parameters.Add(Db.JsonbArray([.. data]));
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task CommandsAsync(CommandPipeline pipeline, int count, int clients, CancellationToken ct)
    {
        var next = -1;
        var today = new LocalDate(2026, 1, 5);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var n = i % streams; // streams written by the one-writer append workload
                var remark = new BenchEvents.RemarkRecorded(today, $"第{i}次补充说明");
                var outcome = await pipeline.ExecuteAsync(new WriteCommand(Tenant(n),
                    [StreamDecider.For(StreamId(n), StreamType, StreamRule.MustExist, BenchState.Initial, BenchState.Evolve, state => state.Received ? Decision.Accept(remark) : Decision.Reject("bench.not-received", "not received"))],
                    new EventMetadata(Actor: "bench")), ct);
                if (outcome is not CommandOutcome.Applied)
                {
                    throw new InvalidOperationException($"bench command failed: {outcome}");
                }
            }
        }, ct)));
    }

    private async Task PlainCommandsAsync(NpgsqlDataSource dataSource, int count, int clients, CancellationToken ct)
    {
        var next = -1;
        var today = new LocalDate(2026, 1, 5);
        var json = _registry.Json;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var n = i % streams;
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var state = BenchState.Initial;
                var events = new List<(string Type, string Data)>();
                await using (var read = connection.Command("select type, data::text from bench_plain.events where stream_id = $1 order by version", tx, Db.Param(StreamId(n))))
                await using (var reader = await read.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        var e = _registry.Deserialize(reader.GetString(0), reader.GetString(1));
                        state = BenchState.Evolve(state, e);
                        events.Add((reader.GetString(0), reader.GetString(1)));
                    }
                }

                var remark = new BenchEvents.RemarkRecorded(today, $"第{i}次补充说明");
                BenchSummary? doc = null;
                foreach (var (type, data) in events)
                {
                    doc = BenchSummaryProjection.Apply(doc, _registry.Deserialize(type, data));
                }

                doc = BenchSummaryProjection.Apply(doc, remark);
                await using var batch = new NpgsqlBatch(connection, tx)
                {
                    BatchCommands =
                    {
                        Db.BatchCommand("insert into bench_plain.events (tenant_id, stream_id, version, type, data) values ($1, $2, $3, $4, $5)",
                            Db.Param(Tenant(n)), Db.Param(StreamId(n)), Db.Param(events.Count + 1), Db.Param(BenchEvents.Remark), Db.Jsonb(_registry.Serialize(remark))),
                        Db.BatchCommand("insert into bench_plain.summary (tenant_id, id, data, status) values ($1, $2, $3, $4) on conflict (tenant_id, id) do update set data = excluded.data, status = excluded.status",
                            Db.Param(Tenant(n)), Db.Param(StreamId(n)), Db.Jsonb(JsonSerializer.Serialize(doc, json)), Db.Param(doc!.Status)),
                    },
                };
                await batch.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
        }, ct)));
    }

    private async Task PlainRebuildSummaryAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await ExecuteAsync(dataSource, "truncate bench_plain.summary", ct);
        long after = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var page = new List<(long Seq, string Tenant, Guid Id, object Data)>();
            await using (var read = connection.Command("select seq, tenant_id, stream_id, type, data::text from bench_plain.events where seq > $1 order by seq limit 2000", tx, Db.Param(after)))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    page.Add((reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), _registry.Deserialize(reader.GetString(3), reader.GetString(4))));
                }
            }

            if (page.Count == 0)
            {
                break;
            }

            var keys = page.Select(e => (e.Tenant, e.Id)).Distinct().ToList();
            var docs = new Dictionary<(string, Guid), BenchSummary?>();
            await using (var load = connection.Command("select tenant_id, id, data::text from bench_plain.summary where (tenant_id, id) in (select * from unnest($1::text[], $2::uuid[]))", tx,
                Db.Param(keys.Select(k => k.Tenant).ToArray()), Db.Param(keys.Select(k => k.Id).ToArray())))
            await using (var reader = await load.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    docs[(reader.GetString(0), reader.GetGuid(1))] = JsonSerializer.Deserialize<BenchSummary>(reader.GetString(2), _registry.Json);
                }
            }

            foreach (var e in page)
            {
                docs[(e.Tenant, e.Id)] = BenchSummaryProjection.Apply(docs.GetValueOrDefault((e.Tenant, e.Id)), e.Data);
            }

            var written = keys.Where(k => docs.GetValueOrDefault(k) is not null).ToList();
            await using (var upsert = connection.Command(
                "insert into bench_plain.summary (tenant_id, id, data, status) select * from unnest($1::text[], $2::uuid[], $3::jsonb[], $4::text[]) on conflict (tenant_id, id) do update set data = excluded.data, status = excluded.status", tx,
                Db.Param(written.Select(k => k.Tenant).ToArray()), Db.Param(written.Select(k => k.Id).ToArray()),
                Db.JsonbArray(written.Select(k => JsonSerializer.Serialize(docs[k], _registry.Json)).ToArray()), Db.Param(written.Select(k => docs[k]!.Status).ToArray())))
            {
                await upsert.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            after = page[^1].Seq;
        }
    }

    private async Task PlainRebuildCountsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await ExecuteAsync(dataSource, "truncate bench_plain.outcome_counts", ct);
        long after = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var page = new List<(long Seq, string Tenant, object Data)>();
            await using (var read = connection.Command($"select seq, tenant_id, type, data::text from bench_plain.events where seq > $1 and type = '{BenchEvents.AnsweredAlias}' order by seq limit 2000", tx, Db.Param(after)))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    page.Add((reader.GetInt64(0), reader.GetString(1), _registry.Deserialize(reader.GetString(2), reader.GetString(3))));
                }
            }

            if (page.Count == 0)
            {
                break;
            }

            var counts = page.Select(e => (e.Tenant, (BenchEvents.Answered)e.Data)).GroupBy(x => (x.Tenant, x.Item2.Year, x.Item2.Outcome)).ToList();
            await using (var upsert = connection.Command(
                "insert into bench_plain.outcome_counts (tenant_id, year, outcome, n) select * from unnest($1::text[], $2::int[], $3::text[], $4::bigint[]) on conflict (tenant_id, year, outcome) do update set n = bench_plain.outcome_counts.n + excluded.n", tx,
                Db.Param(counts.Select(g => g.Key.Tenant).ToArray()), Db.Param(counts.Select(g => g.Key.Year).ToArray()),
                Db.Param(counts.Select(g => g.Key.Outcome).ToArray()), Db.Param(counts.Select(g => (long)g.Count()).ToArray())))
            {
                await upsert.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            after = page[^1].Seq;
        }
    }

    private async Task<(BenchState, long)> PlainFetchAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select type, data::text, version from bench_plain.events where stream_id = $1 order by version");
        command.Parameters.Add(Db.Param(id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var state = BenchState.Initial;
        long version = 0;
        while (await reader.ReadAsync(ct))
        {
            state = BenchState.Evolve(state, _registry.Deserialize(reader.GetString(0), reader.GetString(1)));
            version = reader.GetInt32(2);
        }

        return (state, version);
    }

    private async Task<(double P50, double P99, double PlainP50, double PlainP99)> FetchLatencyAsync(CaseFlow.EventStore.EventStore store, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var samples = Math.Min(streams, 4000);
        var ours = new List<double>();
        var plain = new List<double>();
        for (var i = -100; i < samples; i++)
        {
            var n = Math.Abs(i) * 7919 % streams; // spread over the one-writer workload's streams, which both sides have
            var first = i % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                var oursTurn = first == (side == 0);
                var watch = Stopwatch.StartNew();
                if (oursTurn)
                {
                    await store.AggregateStreamAsync(Tenant(n), StreamId(n), BenchState.Initial, BenchState.Evolve, ct: ct);
                }
                else
                {
                    await PlainFetchAsync(dataSource, StreamId(n), ct);
                }

                if (i >= 0)
                {
                    (oursTurn ? ours : plain).Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        static double Percentile(List<double> values, double p)
        {
            values.Sort();
            return values[(int)Math.Min(values.Count - 1, Math.Ceiling(values.Count * p) - 1)];
        }

        return (Percentile(ours, 0.5), Percentile(ours, 0.99), Percentile(plain, 0.5), Percentile(plain, 0.99));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static readonly SchemaModule s_plainSchema = new("bench", [new Migration(1, "plain tables", """
        create schema if not exists bench;
        create schema if not exists bench_plain;
        create table bench_plain.events (
          seq         bigserial   primary key,
          tenant_id   text        not null,
          stream_id   uuid        not null,
          version     int         not null,
          type        text        not null,
          data        jsonb       not null,
          metadata    jsonb       not null default '{}',
          recorded_at timestamptz not null default now());
        create index on bench_plain.events (stream_id, version);
        create table bench_plain.summary (tenant_id text not null, id uuid not null, data jsonb not null, status text, primary key (tenant_id, id));
        create table bench_plain.outcome_counts (tenant_id text not null, year int not null, outcome text not null, n bigint not null, primary key (tenant_id, year, outcome));
        """)]);
}
