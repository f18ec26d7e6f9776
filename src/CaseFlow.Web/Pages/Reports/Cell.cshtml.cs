using CaseFlow.Infrastructure;
using CaseFlow.Reporting;
using CaseFlow.Requests;
using CaseFlow.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages.Reports;

/// <summary>The requests (table 三) or cases (table 四) behind one cell of the report.</summary>
public sealed class CellModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    public int Year { get; private set; }
    public string Agency { get; private set; } = "";
    public bool Children { get; private set; }
    public CellAddress Address { get; private set; } = null!;
    public IReadOnlyList<CellEntry> Entries { get; private set; } = [];

    public string RowLabel => Address.Table == 3 ? ReportLayout.RowLabel(Address.Row) : CaseGroups.Label(CaseCodes.Groups.Parse(Address.Row));
    public string ColumnLabel => Address.Table == 3 ? ReportLayout.ColumnLabel(Address.Column) : ReportLayout.Table4ColumnLabel(Address.Column);

    public async Task<IActionResult> OnGetAsync(int year, string? agency, bool children, int table, string row, string column, CancellationToken ct)
    {
        Year = year;
        Agency = string.IsNullOrWhiteSpace(agency) ? Caller.Agency : agency;
        Children = children;
        if (!await ReportAccess.CanReadAsync(App, Caller, Agency, children, ct))
        {
            return Forbid();
        }

        Address = new CellAddress(table, row, column);
        if (table == 4 && !ReportLayout.Table4Groups.Contains(row))
        {
            return NotFound();
        }

        var entries = await AnnualReports.TraceAsync(App, Agency, year, children, Address, ct);
        if (entries is null)
        {
            return NotFound();
        }

        Entries = entries;
        return Page();
    }
}
