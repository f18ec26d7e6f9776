using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Users;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Reporting.Stats;

/// <summary>
/// The figures of table 二 (主动公开) for a year, as the reporting office recorded them on <see cref="On"/>. Recording
/// again is a new fact that supersedes the earlier figures; the history stays in the stream.
/// </summary>
public sealed record DisclosureStatsRecorded(int Year, DocumentCounts Regulations, DocumentCounts NormativeDocuments,
    int Licensing, int Penalties, int Coercion, decimal FeesWanYuan, LocalDate On)
{
    public Table2 Figures => new(Regulations, NormativeDocuments, Licensing, Penalties, Coercion, FeesWanYuan);
}

/// <summary>
/// One agency's table-二 stream for one year: the figures as last recorded. The state its commands decide on and the
/// read model the report sums (an inline document, <c>rm.mt_doc_disclosure_stats</c>).
/// </summary>
public sealed record DisclosureStats
{
    public static readonly DisclosureStats Initial = new();

    public Guid Id { get; init; }
    public int Year { get; init; }
    public Table2? Figures { get; init; }
    public LocalDate? On { get; init; }

    public static DisclosureStats Evolve(DisclosureStats state, object e) => e switch
    {
        DisclosureStatsRecorded r => state with { Year = r.Year, Figures = r.Figures, On = r.On },
        _ => state,
    };

    /// <summary>Records the figures; the same figures again change nothing.</summary>
    public static Decision Decide(RecordDisclosureStats command, DisclosureStats state) =>
        state.Figures == command.Figures
            ? Decision.NoChange
            : Decision.Accept(new DisclosureStatsRecorded(command.Year, command.Figures.Regulations, command.Figures.NormativeDocuments,
                command.Figures.Licensing, command.Figures.Penalties, command.Figures.Coercion, command.Figures.FeesWanYuan, command.On));
}

public sealed record RecordDisclosureStats(int Year, Table2 Figures, LocalDate On);

public sealed record DocumentCountsBody(int? Issued, int? Repealed, int? InForce);

/// <summary>The input of <c>record-disclosure-stats</c> (import line or API body).</summary>
public sealed record RecordDisclosureStatsBody(int? Year, DocumentCountsBody? Regulations, DocumentCountsBody? NormativeDocuments,
    int? Licensing, int? Penalties, int? Coercion, decimal? FeesWanYuan, LocalDate? On);

/// <summary>Table 二's figures per agency and year, kept in the append transaction.</summary>
public sealed class DisclosureStatsProjection : SingleStreamProjection<DisclosureStats, Guid>
{
    public DisclosureStatsProjection()
    {
        Name = "reporting.disclosure-stats";
        IncludeType<DisclosureStatsRecorded>();
    }

    public override DisclosureStats? Evolve(DisclosureStats? snapshot, Guid id, IEvent e) =>
        DisclosureStats.Evolve(snapshot ?? DisclosureStats.Initial with { Id = id }, e.Data);
}

/// <summary>Records table 二 for a year: <c>record-disclosure-stats</c>, and <c>PUT /api/reports/annual/{year}/table2</c>.</summary>
public static class RecordingDisclosureStats
{
    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, RecordDisclosureStatsBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var year = ReportYears.Check(validation, body.Year, app.Today);
        var figures = new Table2(
            Counts(validation, body.Regulations, "regulations", "规章"),
            Counts(validation, body.NormativeDocuments, "normativeDocuments", "行政规范性文件"),
            Count(validation, body.Licensing, "licensing", "行政许可"),
            Count(validation, body.Penalties, "penalties", "行政处罚"),
            Count(validation, body.Coercion, "coercion", "行政强制"),
            Fees(validation, body.FeesWanYuan));
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        if (await Agencies.AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "agency.not-found", $"机关 {agency} 未登记。", RejectionKind.NotFound);
        }

        var command = new RecordDisclosureStats(year, figures, body.On ?? app.Today);
        var decider = StreamDecider.For(StreamIds.DisclosureStats(agency, year), StreamRule.MayExist, DisclosureStats.Initial, state => DisclosureStats.Decide(command, state));
        return await app.ExecuteAsync(agency, actor, options, ct, decider);
    }

    public static async Task<Table2?> LoadAsync(CaseFlowApp app, IReadOnlyList<string> agencies, int year, CancellationToken ct)
    {
        await using var command = app.DataSource.Command(
            "select data::text from rm.mt_doc_disclosure_stats where tenant_id = any($1) and year = $2", Db.Param(agencies.ToArray()), Db.Param(year));
        await using var reader = await command.ExecuteReaderAsync(ct);
        Table2? sum = null;
        while (await reader.ReadAsync(ct))
        {
            if (System.Text.Json.JsonSerializer.Deserialize<DisclosureStats>(reader.GetString(0), app.Json)!.Figures is { } figures)
            {
                sum = (sum ?? Table2.Empty).Plus(figures);
            }
        }

        return sum;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/reports/annual/{year:int}/table2", async (int year, RecordDisclosureStatsBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                if (!ApiResults.TryWriteAccess(http, Role.Reporting, out var caller, out var options, out var problem))
                {
                    return problem;
                }

                var outcome = await HandleAsync(app, caller.Actor, caller.Agency, body with { Year = year }, options, ct);
                return outcome is CommandOutcome.Rejected rejected
                    ? ApiResults.Rejected(rejected)
                    : ApiResults.WithETag(TypedResults.Ok(await LoadAsync(app, [caller.Agency], year, ct)), outcome.Version);
            })
            .WithName("RecordDisclosureStats").WithSummary("Record the figures of table 二 (主动公开) for a year")
            .AnswersRecord<Table2>();

    private static DocumentCounts Counts(Validation validation, DocumentCountsBody? body, string field, string label) => new(
        Count(validation, body?.Issued, $"{field}.issued", $"{label}本年制发件数"),
        Count(validation, body?.Repealed, $"{field}.repealed", $"{label}本年废止件数"),
        Count(validation, body?.InForce, $"{field}.inForce", $"{label}现行有效件数"));

    private static int Count(Validation validation, int? value, string field, string label)
    {
        if (value is < 0)
        {
            validation.Problem($"{label}（{field}）不能为负数");
        }

        return value ?? 0;
    }

    private static decimal Fees(Validation validation, decimal? value)
    {
        if (value is < 0m)
        {
            validation.Problem("行政事业性收费金额（feesWanYuan）不能为负数");
        }

        // Agencies publish 万元 to the fen: six decimals, kept exactly (decimal end to end). A seventh is below a fen.
        if (value is { } v && decimal.Round(v, 6) != v)
        {
            validation.Problem("行政事业性收费金额（feesWanYuan，单位万元）最多六位小数（精确到分）");
        }

        // Trailing zeros removed: 88.380 and 88.38 are the same figure (and the same report hash).
        return (value ?? 0m) / 1.000000000000000000000000000000000m;
    }
}
