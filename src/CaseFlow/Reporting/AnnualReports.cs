using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Reporting.Closing;
using CaseFlow.Reporting.Stats;
using NodaTime;
using Npgsql;

namespace CaseFlow.Reporting;

/// <summary>One request or case behind a table cell.</summary>
public sealed record CellEntry(string Agency, string Reference, LocalDate ReceivedOn, string Column, LocalDate? ConcludedOn, string? Outcome);

/// <summary>Which cell to trace: table 三 (row, column) or table 四 (group, column).</summary>
public sealed record CellAddress(int Table, string Row, string Column);

/// <summary>
/// Builds an agency's annual report for a year straight from the report facts the inline projections keep with every
/// event (<c>rm.mt_doc_request_files</c>, <c>rm.mt_doc_case_files</c>, <c>rm.mt_doc_disclosure_stats</c>): nothing is counted by hand and
/// nothing is cached, so a report is always the events' current account. A closed year also carries its frozen versions.
/// </summary>
public static class AnnualReports
{
    public static async Task<AnnualReport?> ComputeAsync(CaseFlowApp app, string agency, int year, bool includeChildren, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(app, agency, includeChildren, ct);
        if (scope is null)
        {
            return null;
        }

        var (entry, codes) = scope.Value;
        var (start, end) = YearBounds(year);
        await using var connection = await app.DataSource.OpenConnectionAsync(ct);
        // Tables 三 and 四 from one snapshot, so their requests and cases are counted as of the same moment.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var table3 = await Table3Async(connection, transaction, codes, start, end, ct);
        var table4 = await Table4Async(connection, transaction, codes, start, end, app.Settings.Counting.Table4Year, ct);
        var table2 = await RecordingDisclosureStats.LoadAsync(app, codes, year, ct) ?? Table2.Empty;
        var previous = includeChildren ? null : await AnnualReportVersions.LatestAsync(app, agency, year - 1, ct);
        var versions = includeChildren ? [] : await AnnualReportVersions.ListAsync(app, agency, year, ct);
        await transaction.CommitAsync(ct);

        var checks = ReportChecks.Compute(table3, table4, previous is null ? null : (previous.Info.Version, previous.Tables.CarriedOut()));
        return new AnnualReport(entry.Code, entry.Name, year, includeChildren, codes, table2, table3, table4, checks)
        {
            Version = versions.Count > 0 ? versions[^1].Info : null,
            History = [.. versions.Select(v => v.Info)],
        };
    }

    /// <summary>The requests (table 三) or cases (table 四) counted in one cell, in the same snapshot logic as the counts.</summary>
    public static async Task<IReadOnlyList<CellEntry>?> TraceAsync(CaseFlowApp app, string agency, int year, bool includeChildren, CellAddress cell, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(app, agency, includeChildren, ct);
        if (scope is null)
        {
            return null;
        }

        var (start, end) = YearBounds(year);
        var column = cell.Column;
        NpgsqlCommand command;
        if (cell.Table == 3)
        {
            if (ReportCells.Table3Row(cell.Row) is not { } predicate || !ReportLayout.Table3Columns.Contains(column))
            {
                return null;
            }

            command = app.DataSource.CreateCommand(
                $"""
                select tenant_id, reference, received_on, applicant_column, concluded_on, outcome from rm.mt_doc_request_files
                 where tenant_id = any($1) and {predicate} and ($5::text is null or applicant_column = $5)
                 order by received_on, tenant_id, reference
                """);
            command.Parameters.Add(Db.Param(scope.Value.Agencies.ToArray()));
            command.Parameters.Add(Db.Date(start));
            command.Parameters.Add(Db.Date(end));
            command.Parameters.Add(Db.Param(cell.Row, NpgsqlTypes.NpgsqlDbType.Text));
            command.Parameters.Add(Db.Param(column == ReportLayout.Total ? null : column, NpgsqlTypes.NpgsqlDbType.Text));
        }
        else if (cell.Table == 4)
        {
            if (!ReportLayout.Table4Groups.Contains(cell.Row) || ReportCells.Table4Cell(app.Settings.Counting.Table4Year, column) is not { } predicate)
            {
                return null;
            }

            command = app.DataSource.CreateCommand(
                $"""
                select tenant_id, case_reference, filed_on, case_group, concluded_on, result from rm.mt_doc_case_files
                 where tenant_id = any($1) and {predicate}
                 order by filed_on, tenant_id, case_reference
                """);
            command.Parameters.Add(Db.Param(scope.Value.Agencies.ToArray()));
            command.Parameters.Add(Db.Date(start));
            command.Parameters.Add(Db.Date(end));
            command.Parameters.Add(Db.Param(cell.Row, NpgsqlTypes.NpgsqlDbType.Text));
            command.Parameters.Add(Db.Param(column, NpgsqlTypes.NpgsqlDbType.Text)); // typed, so unused by pending and total
        }
        else
        {
            return null;
        }

        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var entries = new List<CellEntry>();
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new CellEntry(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<LocalDate>(2),
                    reader.GetString(3), reader.GetLocalDateOrNull(4), reader.GetStringOrNull(5)));
            }

            return entries;
        }
    }

    public static (LocalDate Start, LocalDate End) YearBounds(int year) => (new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));

    private static async Task<(AgencyEntry Entry, IReadOnlyList<string> Agencies)?> ScopeAsync(CaseFlowApp app, string agency, bool includeChildren, CancellationToken ct)
    {
        if (includeChildren)
        {
            var tree = await AgencyDirectory.SubtreeAsync(app, agency, ct);
            return tree.Count == 0 ? null : (tree[0], [.. tree.Select(a => a.Code)]);
        }

        return await AgencyDirectory.FindAsync(app, agency, ct) is { } entry ? (entry, [entry.Code]) : null;
    }

    private static async Task<Grid> Table3Async(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> agencies, LocalDate start, LocalDate end, CancellationToken ct)
    {
        // Each request of the year is read once; grouping by (column, outcome) gives every cell, and the 总计 column and
        // （七） row are counted on their own rather than summed, so the checks really test the partition.
        await using var command = connection.Command(
            $"""
            select grouping(applicant_column), grouping(outcome), applicant_column, outcome,
                   count(*) filter (where {ReportCells.Received}),
                   count(*) filter (where {ReportCells.CarriedIn}),
                   count(*) filter (where {ReportCells.Handled}),
                   count(*) filter (where {ReportCells.CarriedOut})
              from rm.mt_doc_request_files
             where tenant_id = any($1) and {ReportCells.InYear}
             group by grouping sets ((applicant_column, outcome), (outcome), (applicant_column), ())
            """,
            transaction, Db.Param(agencies.ToArray()), Db.Date(start), Db.Date(end));
        var grid = new Grid(ReportLayout.Table3Rows, ReportLayout.Table3Columns);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var column = reader.GetInt32(0) == 1 ? ReportLayout.Total : reader.GetString(2);
            var byOutcome = reader.GetInt32(1) == 0;
            if (byOutcome)
            {
                // Requests not concluded in the year have no outcome (or one of a later year, counted 0 here).
                if (reader.GetStringOrNull(3) is { } outcome)
                {
                    grid[outcome, column] = (int)reader.GetInt64(6);
                }

                continue;
            }

            grid[ReportLayout.Received, column] = (int)reader.GetInt64(4);
            grid[ReportLayout.CarriedIn, column] = (int)reader.GetInt64(5);
            grid[ReportLayout.TotalHandled, column] = (int)reader.GetInt64(6);
            grid[ReportLayout.CarriedOut, column] = (int)reader.GetInt64(7);
        }

        return grid;
    }

    private static async Task<Grid> Table4Async(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> agencies, LocalDate start, LocalDate end, Table4YearRule rule, CancellationToken ct)
    {
        var (inYear, decided) = ReportCells.Table4(rule);
        await using var command = connection.Command(
            $"""
            select grouping(result), case_group, result,
                   count(*) filter (where {decided}), count(*) filter (where not coalesce({decided}, false)), count(*)
              from rm.mt_doc_case_files
             where tenant_id = any($1) and counted and {inYear}
             group by grouping sets ((case_group, result), (case_group))
            """,
            transaction, Db.Param(agencies.ToArray()), Db.Date(start), Db.Date(end));
        var grid = new Grid(ReportLayout.Table4Groups, ReportLayout.Table4Columns);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var group = reader.GetString(1);
            if (reader.GetInt32(0) == 1)
            {
                // The group level: its pending cases and its own total.
                grid[group, "pending"] = (int)reader.GetInt64(4);
                grid[group, ReportLayout.Total] = (int)reader.GetInt64(5);
            }
            else if (reader.GetStringOrNull(2) is { } result)
            {
                grid[group, result] = (int)reader.GetInt64(3);
            }
        }

        return grid;
    }
}
