using System.Diagnostics;
using System.Globalization;
using CaseFlow.Agencies.Registering;
using CaseFlow.Demo;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Rendering;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CaseFlow.Benchmarks;

/// <summary>
/// <c>ops/bench reports</c>: a province's worth of data (agencies × years × requests, generated and bulk-copied into
/// Marten, as a migration of an old system's records would), the read models rebuilt from it, then the annual report for
/// one agency-year, a city roll-up, the province roll-up, a cell trace and a DOCX — each against its target on this
/// machine. Prints one Markdown table.
/// </summary>
internal sealed class ReportBench(int agencies, int years, int requests, TextWriter output, TextWriter progress)
{
    private sealed record Row(string Workload, string Unit, double Value, string Target, bool? Ok);

    public async Task<int> RunAsync(string connectionString, bool keep, CancellationToken ct)
    {
        await using var db = await BenchDatabase.CreateAsync(connectionString, "cf_bench_reports");
        db.Keep = keep;
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
        var lastYear = today.Year - 1;
        var firstYear = lastYear - years + 1;
        using var host = await CaseFlowHosting.StartAsync(new CaseFlowSettings(db.ConnectionString) { Node = CaseFlowNode.Cli }, SystemClock.Instance, ct);
        var app = host.Services.GetRequiredService<CaseFlowApp>();
        var machine = await MachineInfo.DescribeAsync(db.DataSource);
        var rows = new List<Row>();

        // The agency tree, through the real command pipeline.
        var tree = ProvinceScenarios.Agencies(agencies);
        foreach (var (code, name, parent) in tree)
        {
            await AgencyRegistration.HandleAsync(app, Actor.System, new RegisterAgencyBody(code, name, parent, null), WriteOptions.None, ct);
        }

        // The requests, bulk-copied (COPY) 2,000 streams at a time per agency; the read models are rebuilt below.
        var perAgencyYear = Math.Max(1, requests / (agencies * years));
        progress.WriteLine($"bench reports: {tree.Count:N0} agencies × {years} years ({firstYear}–{lastYear}) × {perAgencyYear:N0} requests = {tree.Count * years * perAgencyYear:N0} requests");
        var loading = Stopwatch.StartNew();
        long events = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tree.Count)
            {
                var agency = tree[i].Code;
                var generator = new ProvinceScenarios(seed: i);
                var streams = Enumerable.Range(firstYear, years).SelectMany(y => generator.Year(agency, y, perAgencyYear, today));
                foreach (var chunk in streams.Chunk(2000))
                {
                    var actions = chunk.Select(stream =>
                    {
                        var action = StreamAction.Start((Marten.Events.EventGraph)app.Store.Options.Events, stream.StreamId, [.. stream.Events]);
                        action.AggregateType = stream.Aggregate;
                        action.TenantId = agency;
                        Interlocked.Add(ref events, stream.Events.Count);
                        return action;
                    }).ToList();
                    await app.Store.BulkInsertEventsAsync(agency, actions, cancellation: ct);
                }

                if (worker == 0)
                {
                    progress.Write($"\r  loaded {i + 1:N0} / {tree.Count:N0} agencies, {Interlocked.Read(ref events):N0} events ...");
                }
            }
        }, ct)));
        loading.Stop();
        progress.Write("\r\u001b[K");
        rows.Add(new Row($"load: {events:N0} events bulk-copied (COPY)", "events/s", events / loading.Elapsed.TotalSeconds, "", null));

        // The read models from all those events: Marten's rebuild of each inline projection the report reads.
        var rebuilt = Stopwatch.StartNew();
        foreach (var name in new[] { "requests.files", "reporting.cases" })
        {
            await Rebuilding.RebuildAsync(app, name, new Progress<RebuildProgress>(p =>
                progress.Write($"\r  rebuilding {p.Projection}: {p.Sequence:N0} / {p.HighWaterMark:N0} events ...")), ct);
        }

        rebuilt.Stop();
        progress.Write("\r\u001b[K");
        rows.Add(new Row("full rebuild of the report's read models (request and case files)", "events/s", 2 * events / rebuilt.Elapsed.TotalSeconds, "", null));
        rows.Add(new Row("full rebuild of the report's read models", "minutes", rebuilt.Elapsed.TotalMinutes, "< 10", rebuilt.Elapsed.TotalMinutes < 10));
        await using (var analyze = db.DataSource.CreateCommand("vacuum analyze"))
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }

        // The request files again, rebuilt beside the live table and swapped in (what an upgrade does with the app up).
        var beside = Stopwatch.StartNew();
        await Rebuilding.RebuildBesideAsync(app, new Progress<RebuildProgress>(p =>
            progress.Write($"\r  rebuilding request files beside the live table: {p.Sequence:N0} / {p.HighWaterMark:N0} events ...")), ct);
        beside.Stop();
        progress.Write("\r\u001b[K");
        rows.Add(new Row("rebuild of the request files beside the live table, swapped in (app running)", "minutes", beside.Elapsed.TotalMinutes, "< 10", beside.Elapsed.TotalMinutes < 10));

        // What the data costs on disk (docs/scaling.md sizes provinces from these): bytes per event and per read-model row,
        // tables with their indexes and TOAST.
        var requestCount = tree.Count * years * perAgencyYear;
        foreach (var (table, label, per, count) in new (string, string, string, long)[]
        {
            ("es.mt_events", "events table", "event", events),
            ("es.mt_streams", "streams table", "stream", requestCount),
            ("rm.mt_doc_request_files", "request files (read model)", "request", requestCount),
        })
        {
            await using var size = db.DataSource.CreateCommand($"select pg_total_relation_size('{table}')");
            var bytes = Convert.ToInt64(await size.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            rows.Add(new Row($"storage: {label}, {bytes / 1048576.0:N0} MiB", $"bytes/{per}", bytes / (double)Math.Max(1, count), "", null));
        }

        var random = new Random(42);
        var leaves = tree.Where(a => a.Code.Contains("-u", StringComparison.Ordinal)).Select(a => a.Code).ToList();
        await AnnualReports.ComputeAsync(app, leaves[0], lastYear, false, ct); // warm-up

        var single = await SampleAsync(200, () => AnnualReports.ComputeAsync(app, leaves[random.Next(leaves.Count)], random.Next(firstYear, lastYear + 1), false, ct));
        rows.Add(new Row("annual report, one agency-year (tables, checks, versions)", "ms p50", single.P50, "", null));
        rows.Add(new Row("annual report, one agency-year", "ms p99", single.P99, "< 50", single.P99 < 50));

        var city = await SampleAsync(20, () => AnnualReports.ComputeAsync(app, "city01", random.Next(firstYear, lastYear + 1), true, ct));
        rows.Add(new Row($"roll-up, one city ({tree.Count(a => a.Parent == "city01") + 1} agencies)", "ms p50", city.P50, "", null));

        // The first province roll-up reads the report index from disk; the samples after it find it cached.
        var cold = Stopwatch.StartNew();
        await AnnualReports.ComputeAsync(app, "prov", lastYear, true, ct);
        rows.Add(new Row("roll-up, province, first call (cold cache)", "ms", cold.Elapsed.TotalMilliseconds, "", null));
        var province = await SampleAsync(10, () => AnnualReports.ComputeAsync(app, "prov", random.Next(firstYear, lastYear + 1), true, ct));
        rows.Add(new Row($"roll-up, province ({tree.Count:N0} agencies)", "ms p50", province.P50, "", null));
        rows.Add(new Row("roll-up, province", "ms max", province.Max, "< 1000", province.Max < 1000));

        var trace = await SampleAsync(100, () => AnnualReports.TraceAsync(app, leaves[random.Next(leaves.Count)], lastYear, false, new CellAddress(3, "disclosed", "natural-person"), ct));
        rows.Add(new Row("trace one cell (the requests behind it)", "ms p50", trace.P50, "", null));

        var docx = await SampleAsync(20, async () =>
        {
            var report = await AnnualReports.ComputeAsync(app, leaves[random.Next(leaves.Count)], lastYear, false, ct);
            return await ReportOutput.RenderAsync(app, report!, "docx", ct);
        });
        rows.Add(new Row("report as DOCX, one agency-year (with narrative)", "ms p50", docx.P50, "", null));

        Write(machine, tree.Count, years, tree.Count * years * perAgencyYear, events, rows);
        await host.StopAsync(ct);
        return 0;
    }

    private static async Task<(double P50, double P99, double Max)> SampleAsync<T>(int count, Func<Task<T>> run)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)], times[^1]);
    }

    private void Write(string machine, int agencyCount, int yearCount, int requestCount, long eventCount, List<Row> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("## Annual report benchmark");
        output.WriteLine();
        output.WriteLine($"Machine: {machine}");
        output.WriteLine($"Data: {agencyCount:N0} agencies × {yearCount} years, {requestCount:N0} requests, {eventCount:N0} events (generated by ProvinceScenarios).");
        output.WriteLine();
        var table = new List<string[]> { new[] { "workload", "unit", "value", "target", "" } };
        table.AddRange(rows.Select(r => new[]
        {
            r.Workload, r.Unit, r.Value >= 100 ? r.Value.ToString("#,0", inv) : r.Value.ToString("0.0", inv), r.Target, r.Ok switch { true => "ok", false => "MISSED", _ => "" },
        }));
        var widths = Enumerable.Range(0, 5).Select(c => table.Max(r => r[c].Length)).ToArray();
        for (var i = 0; i < table.Count; i++)
        {
            output.WriteLine("| " + string.Join(" | ", table[i].Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }

        output.WriteLine();
    }
}
