using System.Text.Json;

namespace CaseFlow.Reporting.RollingUp;

/// <summary>A roll-up plan that cannot be used as written.</summary>
public sealed class RollUpPlanException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>One database of a roll-up and the agencies in it whose subtrees are counted.</summary>
/// <param name="Label">How progress and errors name the source (never its connection string, which may hold a password).</param>
public sealed record RollUpSource(string Label, string ConnectionString, IReadOnlyList<string> Agencies);

/// <summary>
/// A supervising office's roll-up across databases (docs/scaling.md): when a province's agencies are spread over several
/// PostgreSQL servers (a database per city), each source is read on its own (a read replica will do) and the tables are
/// summed. A plan file:
/// <code>
/// { "agency": "prov", "name": "某省（汇总）",
///   "sources": [ { "label": "city-a", "database": "env:CITY_A_DATABASE", "agencies": ["city-a"] }, … ] }
/// </code>
/// <c>database</c> is an Npgsql connection string, or <c>env:NAME</c> to read it from an environment variable.
/// </summary>
public sealed record RollUpPlan(string Agency, string Name, IReadOnlyList<RollUpSource> Sources)
{
    public static RollUpPlan Parse(string json, Func<string, string?> environment)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            throw new RollUpPlanException("rollup.malformed", $"汇总方案不是有效的 JSON：{e.Message}");
        }

        var agency = Text(root, "agency") ?? throw new RollUpPlanException("rollup.malformed", "汇总方案缺少汇总单位代码（agency）。");
        var name = Text(root, "name") ?? agency;
        if (!root.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Array || sources.GetArrayLength() == 0)
        {
            throw new RollUpPlanException("rollup.malformed", "汇总方案缺少数据库列表（sources）。");
        }

        var list = new List<RollUpSource>();
        foreach (var (source, i) in sources.EnumerateArray().Select((s, i) => (s, i + 1)))
        {
            var label = Text(source, "label") ?? $"#{i}";
            var database = Text(source, "database") ?? throw new RollUpPlanException("rollup.malformed", $"数据库 {label} 缺少连接（database）。");
            if (database.StartsWith("env:", StringComparison.Ordinal))
            {
                database = environment(database[4..]) is { Length: > 0 } value
                    ? value
                    : throw new RollUpPlanException("rollup.database-unset", $"数据库 {label} 的连接取自环境变量 {database[4..]}，但该变量未设置。");
            }

            var agencies = source.TryGetProperty("agencies", out var codes) && codes.ValueKind == JsonValueKind.Array
                ? codes.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList()
                : [];
            if (agencies.Count == 0)
            {
                throw new RollUpPlanException("rollup.malformed", $"数据库 {label} 没有列出要汇总的单位（agencies）。");
            }

            list.Add(new RollUpSource(label, database, agencies));
        }

        return new RollUpPlan(agency, name, list);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
}

public static class CrossDatabaseRollUp
{
    /// <summary>
    /// Pure: the sum of the members' reports, each a subtree read from its own database. The checks are computed again on
    /// the sums, and each member's own checks are kept as one check per member, so a member's broken table is not hidden
    /// by a sum that happens to balance. An agency counted by two members is an error, never counted twice.
    /// </summary>
    public static AnnualReport Combine(string agency, string name, int year, IReadOnlyList<AnnualReport> members)
    {
        var seen = new Dictionary<string, string>();
        foreach (var member in members)
        {
            foreach (var code in member.Agencies)
            {
                if (!seen.TryAdd(code, member.Agency))
                {
                    throw new RollUpPlanException("rollup.overlap", $"单位 {code} 同时属于 {seen[code]} 和 {member.Agency} 的汇总范围：同一单位只能计入一次。");
                }
            }
        }

        var table2 = members.Aggregate(Table2.Empty, (sum, m) => sum.Plus(m.Table2));
        var table3 = members.Aggregate(new Grid(ReportLayout.Table3Rows, ReportLayout.Table3Columns), (sum, m) => sum.Plus(m.Table3));
        var table4 = members.Aggregate(new Grid(ReportLayout.Table4Groups, ReportLayout.Table4Columns), (sum, m) => sum.Plus(m.Table4));
        var checks = ReportChecks.Compute(table3, table4, null).Concat(members.Select(m => new ReportCheck(
            $"汇总成员 {m.Agency}（{m.AgencyName}）本身的校验",
            m.AllChecksPass,
            m.AllChecksPass ? $"{m.Checks.Count} 项均通过" : string.Join("；", m.Checks.Where(c => !c.Ok).Select(c => c.Name)),
            [])));
        return new AnnualReport(agency, name, year, true, [.. members.SelectMany(m => m.Agencies)], table2, table3, table4, [.. checks]);
    }
}
