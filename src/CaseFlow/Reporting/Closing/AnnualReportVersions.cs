using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace CaseFlow.Reporting.Closing;

/// <summary>The three tables of a report as frozen in a version: row → column → count, in the official order.</summary>
public sealed record ReportTables(
    Table2 Table2,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Table3,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Table4)
{
    public static ReportTables Of(AnnualReport report) => new(report.Table2, Cells(report.Table3), Cells(report.Table4));

    public IReadOnlyDictionary<string, int> CarriedOut() => Table3.GetValueOrDefault(ReportLayout.CarriedOut) ?? new Dictionary<string, int>();

    /// <summary>SHA-256 of the tables' JSON (ordered rows and columns): the version's fingerprint.</summary>
    public string Hash(JsonSerializerOptions json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, json))));

    /// <summary>Every cell that differs from <paramref name="earlier"/>, in words: "表三 一、本年新收… / 自然人：3 → 4".</summary>
    public IReadOnlyList<string> DifferencesFrom(ReportTables earlier)
    {
        var differences = new List<string>();
        Compare("表二", Table2Cells(earlier.Table2), Table2Cells(Table2), differences);
        foreach (var (row, columns) in Table3)
        {
            foreach (var (column, value) in columns)
            {
                var before = earlier.Table3.GetValueOrDefault(row)?.GetValueOrDefault(column) ?? 0;
                if (before != value)
                {
                    differences.Add($"表三 {ReportLayout.RowLabel(row)} / {ReportLayout.ColumnLabel(column)}：{before} → {value}");
                }
            }
        }

        foreach (var (group, columns) in Table4)
        {
            foreach (var (column, value) in columns)
            {
                var before = earlier.Table4.GetValueOrDefault(group)?.GetValueOrDefault(column) ?? 0;
                if (before != value)
                {
                    differences.Add($"表四 {CaseGroups.Label(Reviews.CaseCodes.Groups.Parse(group))} / {ReportLayout.Table4ColumnLabel(column)}：{before} → {value}");
                }
            }
        }

        return differences;
    }

    public static IReadOnlyList<(string Label, decimal Value)> Table2Cells(Table2 t) =>
    [
        ("规章 本年制发件数", t.Regulations.Issued), ("规章 本年废止件数", t.Regulations.Repealed), ("规章 现行有效件数", t.Regulations.InForce),
        ("行政规范性文件 本年制发件数", t.NormativeDocuments.Issued), ("行政规范性文件 本年废止件数", t.NormativeDocuments.Repealed),
        ("行政规范性文件 现行有效件数", t.NormativeDocuments.InForce),
        ("行政许可 本年处理决定数量", t.Licensing), ("行政处罚 本年处理决定数量", t.Penalties), ("行政强制 本年处理决定数量", t.Coercion),
        ("行政事业性收费 本年收费金额（万元）", t.FeesWanYuan),
    ];

    private static void Compare(string table, IReadOnlyList<(string Label, decimal Value)> before, IReadOnlyList<(string Label, decimal Value)> after, List<string> differences)
    {
        for (var i = 0; i < after.Count; i++)
        {
            if (before[i].Value != after[i].Value)
            {
                differences.Add($"{table} {after[i].Label}：{before[i].Value} → {after[i].Value}");
            }
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Cells(Grid grid)
    {
        var rows = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        foreach (var row in grid.Rows)
        {
            rows[row] = grid.Columns.ToDictionary(column => column, column => grid[row, column]);
        }

        return rows;
    }
}

/// <summary>The year-end close: the year's report frozen as version 1 (numbered, hashed) after carrying over open requests.</summary>
public sealed record AnnualReportClosed(int Year, int Version, string Hash, ReportTables Tables, LocalDate On, int CarriedOver);

/// <summary>A correction recorded after the close changed the report: a new version, with the cells that changed.</summary>
public sealed record AnnualReportRestated(int Year, int Version, string Hash, ReportTables Tables, IReadOnlyList<string> Differences, LocalDate On);

public sealed record ReportVersion(ReportVersionInfo Info, ReportTables Tables);

public sealed record CloseAnnualReport(int Year, ReportTables Tables, string Hash, LocalDate On, int CarriedOver);

public sealed record RestateAnnualReport(int Year, ReportTables Tables, string Hash, LocalDate On);

/// <summary>
/// An agency's annual-report stream for one year: its frozen versions, oldest first. The state its commands decide on
/// and the read model of the closed years (an inline document, <c>rm.mt_doc_annual_reports</c>).
/// </summary>
public sealed record AnnualReportBook
{
    public static readonly AnnualReportBook Initial = new();

    public Guid Id { get; init; }
    public int Year { get; init; }
    public ImmutableList<ReportVersion> Versions { get; init; } = [];

    /// <summary>The number of the latest version (0 before the close): a column, for the list of closed years.</summary>
    public int LatestVersion { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Closed => !Versions.IsEmpty;

    public static AnnualReportBook Evolve(AnnualReportBook state, object e) => e switch
    {
        AnnualReportClosed c => state with
        {
            Year = c.Year,
            Versions = [new ReportVersion(new ReportVersionInfo(c.Version, c.Hash, c.On, "closed", []), c.Tables)],
            LatestVersion = c.Version,
        },
        AnnualReportRestated r => state with
        {
            Versions = state.Versions.Add(new ReportVersion(new ReportVersionInfo(r.Version, r.Hash, r.On, "restated", r.Differences), r.Tables)),
            LatestVersion = r.Version,
        },
        _ => state,
    };

    /// <summary>Closing a closed year again changes nothing (corrections after the close are restatements).</summary>
    public static Decision Decide(CloseAnnualReport c, AnnualReportBook state) =>
        state.Closed ? Decision.NoChange : Decision.Accept(new AnnualReportClosed(c.Year, 1, c.Hash, c.Tables, c.On, c.CarriedOver));

    /// <summary>A new version only when the report really changed since the latest one.</summary>
    public static Decision Decide(RestateAnnualReport r, AnnualReportBook state)
    {
        if (!state.Closed)
        {
            return Decision.Reject("report.not-closed", $"{r.Year} 年度报告尚未关账，无需更正：未关账的报告始终按最新记录生成。");
        }

        var latest = state.Versions[^1];
        return latest.Info.Hash == r.Hash
            ? Decision.NoChange
            : Decision.Accept(new AnnualReportRestated(r.Year, latest.Info.Version + 1, r.Hash, r.Tables, r.Tables.DifferencesFrom(latest.Tables), r.On));
    }
}

/// <summary>Closed years and their versions, kept in the append transaction.</summary>
public sealed class AnnualReportProjection : SingleStreamProjection<AnnualReportBook, Guid>
{
    public AnnualReportProjection()
    {
        Name = "reporting.annual-reports";
        IncludeType<AnnualReportClosed>();
        IncludeType<AnnualReportRestated>();
    }

    public override AnnualReportBook? Evolve(AnnualReportBook? snapshot, Guid id, IEvent e) =>
        AnnualReportBook.Evolve(snapshot ?? AnnualReportBook.Initial with { Id = id }, e.Data) is { Closed: true } book ? book : null;
}

/// <summary>Reading the frozen versions.</summary>
public static class AnnualReportVersions
{
    public static async Task<IReadOnlyList<ReportVersion>> ListAsync(CaseFlowApp app, string agency, int year, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        return await query.LoadAsync<AnnualReportBook>(StreamIds.AnnualReport(agency, year), ct) is { } book ? book.Versions : [];
    }

    public static async Task<ReportVersion?> LatestAsync(CaseFlowApp app, string agency, int year, CancellationToken ct) =>
        (await ListAsync(app, agency, year, ct)) is { Count: > 0 } versions ? versions[^1] : null;

    /// <summary>The agency's closed years, newest first.</summary>
    public static async Task<IReadOnlyList<(int Year, int Version)>> ClosedYearsAsync(CaseFlowApp app, string agency, CancellationToken ct)
    {
        await using var command = app.DataSource.Command(
            "select year, latest_version from rm.mt_doc_annual_reports where tenant_id = $1 order by year desc", Db.Param(agency));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var years = new List<(int, int)>();
        while (await reader.ReadAsync(ct))
        {
            years.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return years;
    }
}
