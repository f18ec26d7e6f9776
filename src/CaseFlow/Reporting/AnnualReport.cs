using CaseFlow.Requests;
using CaseFlow.Reviews;

namespace CaseFlow.Reporting;

/// <summary>The rows and columns of the 2021 report format (国办公开办函〔2021〕30号), in their official order.</summary>
public static class ReportLayout
{
    public const string Total = "total";
    public const string Received = "received";
    public const string CarriedIn = "carried-in";
    public const string TotalHandled = "total-handled";
    public const string CarriedOut = "carried-out";

    public static readonly IReadOnlyList<string> ApplicantColumns = [.. Codes.ApplicantTypes.Values.Select(Codes.ApplicantTypes.Code)];

    /// <summary>The seven columns of table 三: six applicant kinds and 总计.</summary>
    public static readonly IReadOnlyList<string> Table3Columns = [.. ApplicantColumns, Total];

    public static readonly IReadOnlyList<string> OutcomeRows = [.. Requests.OutcomeRows.All.Select(r => Codes.Outcomes.Code(r.Outcome))];

    /// <summary>The rows of table 三 as the JSON contract lists them.</summary>
    public static readonly IReadOnlyList<string> Table3Rows = [Received, CarriedIn, .. OutcomeRows, TotalHandled, CarriedOut];

    public static readonly IReadOnlyList<string> Table4Groups = [.. CaseCodes.Groups.Values.Select(CaseCodes.Groups.Code)];

    public static readonly IReadOnlyList<string> Table4Columns = ["maintained", "corrected", "other", "pending", Total];

    public static string ColumnLabel(string column) => column == Total ? "总计"
        : Codes.ApplicantTypes.TryParse(column, out var type) ? Labels.Of(type) : column;

    public static string RowLabel(string row) => row switch
    {
        Received => "一、本年新收政府信息公开申请数量",
        CarriedIn => "二、上年结转政府信息公开申请数量",
        TotalHandled => "（七）总计",
        CarriedOut => "四、结转下年度继续办理",
        _ => Codes.Outcomes.TryParse(row, out var outcome) ? Requests.OutcomeRows.Of(outcome).FullLabel : row,
    };

    public static string Table4ColumnLabel(string column) => column switch
    {
        "maintained" => "结果维持",
        "corrected" => "结果纠正",
        "other" => "其他结果",
        "pending" => "尚未审结",
        _ => "总计",
    };
}

/// <summary>Table 二: the proactive-disclosure figures, recorded as facts for the year.</summary>
public sealed record Table2(DocumentCounts Regulations, DocumentCounts NormativeDocuments, int Licensing, int Penalties, int Coercion, decimal FeesWanYuan)
{
    public static readonly Table2 Empty = new(new(0, 0, 0), new(0, 0, 0), 0, 0, 0, 0m);

    public Table2 Plus(Table2 other) => new(Regulations.Plus(other.Regulations), NormativeDocuments.Plus(other.NormativeDocuments),
        Licensing + other.Licensing, Penalties + other.Penalties, Coercion + other.Coercion, FeesWanYuan + other.FeesWanYuan);
}

public sealed record DocumentCounts(int Issued, int Repealed, int InForce)
{
    public DocumentCounts Plus(DocumentCounts other) => new(Issued + other.Issued, Repealed + other.Repealed, InForce + other.InForce);
}

/// <summary>A grid of counts: row → column → count (rows and columns in the layout's order).</summary>
public sealed class Grid
{
    private readonly Dictionary<(string Row, string Column), int> _cells = [];

    public Grid(IReadOnlyList<string> rows, IReadOnlyList<string> columns)
    {
        Rows = rows;
        Columns = columns;
    }

    public IReadOnlyList<string> Rows { get; }
    public IReadOnlyList<string> Columns { get; }

    public int this[string row, string column]
    {
        get => _cells.GetValueOrDefault((row, column));
        set => _cells[(row, column)] = value;
    }

    public void Add(string row, string column, int n) => this[row, column] = this[row, column] + n;

    public Grid Plus(Grid other)
    {
        var sum = new Grid(Rows, Columns);
        foreach (var row in Rows)
        {
            foreach (var column in Columns)
            {
                sum[row, column] = this[row, column] + other[row, column];
            }
        }

        return sum;
    }

    public IEnumerable<(string Row, string Column, int Value)> Cells() =>
        from row in Rows from column in Columns select (row, column, this[row, column]);
}

/// <summary>One check relation of the report, with the cells it involves when it fails.</summary>
public sealed record ReportCheck(string Name, bool Ok, string Detail, IReadOnlyList<string> Cells);

/// <summary>A frozen version of a closed year's report, or a restatement of it.</summary>
public sealed record ReportVersionInfo(int Version, string Hash, NodaTime.LocalDate On, string Kind, IReadOnlyList<string> Differences);

/// <summary>An agency's (or a subtree's) annual report for a year: tables 二, 三, 四 and their checks.</summary>
public sealed record AnnualReport(
    string Agency, string AgencyName, int Year, bool IncludeChildren, IReadOnlyList<string> Agencies,
    Table2 Table2, Grid Table3, Grid Table4, IReadOnlyList<ReportCheck> Checks)
{
    /// <summary>The closed version this report is (null while the year is open, or for a live roll-up).</summary>
    public ReportVersionInfo? Version { get; init; }

    /// <summary>Earlier versions of a closed year, oldest first.</summary>
    public IReadOnlyList<ReportVersionInfo> History { get; init; } = [];

    public bool AllChecksPass => Checks.All(c => c.Ok);
}
