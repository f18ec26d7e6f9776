using System.Diagnostics;
using System.Text.Json;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Benchmarks;

/// <summary>
/// <c>ops/bench store</c>: CaseFlow's write and read paths on Marten and Wolverine, each beside the same work done with
/// plain Npgsql on the simplest sensible tables (a streams table and an events table, one JSON document table), durable
/// commits on. The import rows are the <c>import</c> verb's own code path (JsonlImport: lines of one agency decided in
/// batches of up to 500, one commit per batch), the path users run.
/// </summary>
internal sealed class StoreBench(int requests, int commands, TextWriter output, TextWriter progress)
{
    private const string Agency = "bench";
    private static readonly LocalDate s_day = new(2026, 6, 29);

    public async Task<int> RunAsync(string connectionString, bool keep, CancellationToken ct)
    {
        await using var db = await BenchDatabase.CreateAsync(connectionString, "cf_bench_store");
        db.Keep = keep;
        using var host = await CaseFlowHosting.StartAsync(new CaseFlowSettings(db.ConnectionString) { Node = CaseFlowNode.Cli }, SystemClock.Instance, ct);
        var app = host.Services.GetRequiredService<CaseFlowApp>();
        var machine = await MachineInfo.DescribeAsync(db.DataSource);
        await PlainSchemaAsync(db.DataSource, ct);
        var rows = new List<BenchRow>();

        progress.WriteLine($"bench store: import of {requests:N0} requests ({2 * requests:N0} lines), {commands:N0} commands ...");
        await ImportAsync(app, $"{{\"command\":\"register-agency\",\"agency\":\"{Agency}\",\"name\":\"基准测试局\"}}", ct);
        await ImportAsync(app, "{\"command\":\"register-agency\",\"agency\":\"warm\",\"name\":\"预热\"}", ct);
        await ImportAsync(app, string.Join("\n", Lines("warm", 0, 200)), ct); // warm-up: JIT, prepared statements
        await PlainImportAsync(db.DataSource, "warm", 0, 200, 1, ct);

        var import = await TimeAsync(() => ImportAsync(app, string.Join("\n", Lines(Agency, 0, requests)), ct));
        var plainImport = await TimeAsync(() => PlainImportAsync(db.DataSource, Agency, 0, requests, 1, ct));
        var plainBatched = await TimeAsync(() => PlainImportAsync(db.DataSource, Agency, requests, requests, 500, ct));
        rows.Add(new BenchRow("import, the verb users run (receive + answer lines), beside plain Npgsql one transaction per line", "lines/s", 2 * requests / import, 2 * requests / plainImport, null));
        rows.Add(new BenchRow("import, the verb users run, beside plain Npgsql in 500-line transactions", "lines/s", 2 * requests / import, 2 * requests / plainBatched, 0.2));

        var rerun = await TimeAsync(() => ImportAsync(app, string.Join("\n", Lines(Agency, 0, requests)), ct));
        rows.Add(new BenchRow("import re-run (every line found applied)", "lines/s", 2 * requests / rerun, null, null));

        // Commands on open requests: lock, read the state, decide, append, project, commit.
        var open = Math.Min(commands, 1000);
        await ImportAsync(app, string.Join("\n", Lines(Agency, 2 * requests, open).Take(open)), ct);
        await PlainImportAsync(db.DataSource, Agency, 2 * requests, open, 500, ct);
        var references = Enumerable.Range(2 * requests, open).Select(Reference).ToList();
        // An assignment names an officer account of the agency; a request's next assignment goes to the other one.
        await CaseFlow.Users.UserAccounts.CreateAsync(app, "bench-officer-0", Agency, "李娜", "password-123", [CaseFlow.Users.Role.Officer], ct: ct);
        await CaseFlow.Users.UserAccounts.CreateAsync(app, "bench-officer-1", Agency, "王强", "password-123", [CaseFlow.Users.Role.Officer], ct: ct);
        var passes = 0;
        foreach (var clients in new[] { 1, 8 })
        {
            var ours = await TimeAsync(() => ParallelAsync(clients, commands, async i =>
            {
                var outcome = await Assigning.HandleAsync(app, Actor.System, Agency, references[i % references.Count], new AssignOfficerBody($"bench-officer-{(passes + i / references.Count) % 2}", s_day),
                    WriteOptions.None, ct);
                if (outcome is not CommandOutcome.Applied)
                {
                    throw new InvalidOperationException($"The benchmark's command was not applied: {outcome}");
                }
            }));
            var plain = await TimeAsync(() => ParallelAsync(clients, commands, i => PlainCommandAsync(db.DataSource, Agency, references[i % references.Count], $"officer-{clients}-{i}", ct)));
            rows.Add(new BenchRow($"command round trip (assign an officer), {clients} client{(clients > 1 ? "s" : "")}", "commands/s", commands / ours, commands / plain, null));
            passes += (commands + references.Count - 1) / references.Count;
        }

        // Reads: a request file, a request's events.
        var random = new Random(7);
        var fetch = await SampleAsync(1000, async () =>
        {
            await using var query = app.Query(Agency);
            return await query.LoadAsync<RequestFile>(StreamIds.Request(Agency, references[random.Next(references.Count)]), ct);
        });
        var plainFetch = await SampleAsync(1000, () => PlainLoadAsync(db.DataSource, StreamIds.Request(Agency, references[random.Next(references.Count)]), ct));
        rows.Add(new BenchRow("load one request file (p50)", "ms", fetch.P50, plainFetch.P50, null, HigherIsBetter: false));
        var events = await SampleAsync(1000, async () =>
        {
            await using var query = app.Query(Agency);
            return await query.Events.FetchStreamAsync(StreamIds.Request(Agency, references[random.Next(references.Count)]), token: ct);
        });
        var plainEvents = await SampleAsync(1000, () => PlainStreamAsync(db.DataSource, StreamIds.Request(Agency, references[random.Next(references.Count)]), ct));
        rows.Add(new BenchRow("fetch one request's events (p50)", "ms", events.P50, plainEvents.P50, null, HigherIsBetter: false));

        // A rebuild of the request files from every event.
        var total = (await app.Store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount;
        var rebuild = await TimeAsync(() => Rebuilding.RebuildAsync(app, "requests.files", null, ct));
        var plainRebuild = await TimeAsync(() => PlainRebuildAsync(db.DataSource, app.Json, ct));
        rows.Add(new BenchRow($"rebuild the request files ({total:N0} events)", "events/s", total / rebuild, total / plainRebuild, null));

        BenchTable.Write(output, "Store benchmark: CaseFlow on Marten and Wolverine beside plain Npgsql", machine, rows);
        await host.StopAsync(ct);
        return 0;
    }

    private static string Reference(int i) => $"B-{i:D6}";

    private static IEnumerable<string> Lines(string agency, int from, int count)
    {
        foreach (var i in Enumerable.Range(from, count))
        {
            yield return $"{{\"command\":\"receive\",\"agency\":\"{agency}\",\"request\":\"{Reference(i)}\",\"receivedOn\":\"2026-06-29\",\"channel\":\"in-person\",\"applicant\":{{\"type\":\"natural-person\",\"name\":\"张三\"}}}}";
        }

        foreach (var i in Enumerable.Range(from, count))
        {
            yield return $"{{\"command\":\"answer\",\"agency\":\"{agency}\",\"request\":\"{Reference(i)}\",\"on\":\"2026-06-30\",\"outcome\":\"disclosed\"}}";
        }
    }

    private static async Task ImportAsync(CaseFlowApp app, string lines, CancellationToken ct)
    {
        var summary = await JsonlImport.RunAsync(app, Actor.Cli(), new StringReader(lines), false, _ => { }, ct);
        if (summary.Rejected > 0)
        {
            throw new InvalidOperationException($"The benchmark's import was rejected: {summary}");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalSeconds;
    }

    private static Task ParallelAsync(int clients, int count, Func<int, Task> work)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await work(i);
            }
        })));
    }

    private static async Task<(double P50, double P99)> SampleAsync<T>(int count, Func<Task<T>> run)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.99) - 1]);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plain Npgsql: the simplest sensible tables for the same facts, written and read by hand.
    // ---------------------------------------------------------------------------------------------------------------

    private static async Task PlainSchemaAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            create schema plain;
            create table plain.streams (tenant_id text not null, id uuid not null, version bigint not null, primary key (tenant_id, id));
            create table plain.events (seq bigserial, tenant_id text not null, stream_id uuid not null, version bigint not null, type text not null,
                                       data jsonb not null, primary key (tenant_id, stream_id, version));
            create table plain.files (tenant_id text not null, id uuid not null, data jsonb not null, primary key (tenant_id, id));
            """);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The import's events, <paramref name="perTransaction"/> lines per transaction: a stream row, the event, the document.</summary>
    private static async Task PlainImportAsync(NpgsqlDataSource dataSource, string agency, int from, int count, int perTransaction, CancellationToken ct)
    {
        var lines = Enumerable.Range(from, count).Select(i => (Id: StreamIds.Request(agency, Reference(i)), Version: 1L, Type: "request.received.v1"))
            .Concat(Enumerable.Range(from, count).Select(i => (Id: StreamIds.Request(agency, Reference(i)), Version: 2L, Type: "request.answered.v1")))
            .ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var chunk in lines.Chunk(perTransaction))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(connection, tx);
            foreach (var (id, version, type) in chunk)
            {
                batch.BatchCommands.Add(Command(
                    "insert into plain.streams values ($1, $2, $3) on conflict (tenant_id, id) do update set version = excluded.version",
                    agency, id, version));
                batch.BatchCommands.Add(Command("insert into plain.events (tenant_id, stream_id, version, type, data) values ($1, $2, $3, $4, $5)",
                    agency, id, version, type, Jsonb("{\"reference\":\"x\",\"receivedOn\":\"2026-06-29\"}")));
                batch.BatchCommands.Add(Command(
                    "insert into plain.files values ($1, $2, $3) on conflict (tenant_id, id) do update set data = excluded.data",
                    agency, id, Jsonb("{\"reference\":\"x\",\"status\":\"open\"}")));
            }

            await batch.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>One command by hand: lock the stream, read its events, append one, write the document, commit.</summary>
    private static async Task PlainCommandAsync(NpgsqlDataSource dataSource, string agency, string reference, string officer, CancellationToken ct)
    {
        var id = StreamIds.Request(agency, reference);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        long version;
        await using (var read = new NpgsqlBatch(connection, tx))
        {
            read.BatchCommands.Add(Command("select version from plain.streams where tenant_id = $1 and id = $2 for update", agency, id));
            read.BatchCommands.Add(Command("select data from plain.files where tenant_id = $1 and id = $2", agency, id));
            await using var reader = await read.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            version = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
        }

        await using var write = new NpgsqlBatch(connection, tx);
        write.BatchCommands.Add(Command("update plain.streams set version = $3 where tenant_id = $1 and id = $2", agency, id, version + 1));
        write.BatchCommands.Add(Command("insert into plain.events (tenant_id, stream_id, version, type, data) values ($1, $2, $3, $4, $5)",
            agency, id, version + 1, "request.officer-assigned.v1", Jsonb($"{{\"officer\":\"{officer}\",\"on\":\"2026-06-29\"}}")));
        write.BatchCommands.Add(Command("update plain.files set data = $3 where tenant_id = $1 and id = $2", agency, id, Jsonb($"{{\"officer\":\"{officer}\"}}")));
        await write.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<string?> PlainLoadAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select data::text from plain.files where tenant_id = $1 and id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Agency });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static async Task<int> PlainStreamAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select version, type, data::text from plain.events where tenant_id = $1 and stream_id = $2 order by version");
        command.Parameters.Add(new NpgsqlParameter { Value = Agency });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var n = 0;
        while (await reader.ReadAsync(ct))
        {
            JsonDocument.Parse(reader.GetString(2)).Dispose();
            n++;
        }

        return n;
    }

    /// <summary>Every event in order, folded per stream into a document, written back in batches.</summary>
    private static async Task PlainRebuildAsync(NpgsqlDataSource dataSource, JsonSerializerOptions json, CancellationToken ct)
    {
        var docs = new Dictionary<Guid, int>();
        await using (var command = dataSource.CreateCommand("select stream_id, data::text from plain.events order by seq"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                using var parsed = JsonDocument.Parse(reader.GetString(1));
                var id = reader.GetGuid(0);
                docs[id] = docs.GetValueOrDefault(id) + parsed.RootElement.GetPropertyCount();
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var chunk in docs.Chunk(1000))
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var (id, n) in chunk)
            {
                batch.BatchCommands.Add(Command("insert into plain.files values ($1, $2, $3) on conflict (tenant_id, id) do update set data = excluded.data",
                    Agency, id, Jsonb(JsonSerializer.Serialize(new { fields = n }, json))));
            }

            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(arg as NpgsqlParameter ?? new NpgsqlParameter { Value = arg });
        }

        return command;
    }
}
