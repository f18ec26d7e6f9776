using System.CommandLine;
using CaseFlow.Agencies;
using CaseFlow.Reviews;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// <c>caseflow cases list --agency CODE [--open] [--as-of YYYY-MM-DD] [--format json|table]</c> and <c>cases outcomes --agency CODE</c>: the
/// legal staff's view of review (行政复议) and lawsuit (行政诉讼) cases, their next deadlines and results by year.
/// </summary>
internal static class CasesVerb
{
    public static Command Build()
    {
        var agency = CliOptions.Agency();
        var openOnly = new Option<bool>("--open") { Description = "Only cases not yet concluded. 只列未审结的案件。" };
        var format = CliOptions.Format(["json", "table"], "table");
        var asOf = CliOptions.Date("--as-of", "Compute deadlines as of this day (default: today in the agency's time zone). 按此日计算期限（默认今天）。");
        var list = new Command("list", "Review and lawsuit cases, open ones first by their next deadline. 行政复议和行政诉讼案件，未结的按最近期限在前。") { agency, openOnly, asOf, format };
        list.SetAction((parse, ct) => CliHost.RunAsync(() => ListAsync(parse.GetValue(agency)!, parse.GetValue(openOnly), parse.GetValue(asOf), parse.GetValue(format)!, ct)));
        var outcomes = new Command("outcomes", "Results by year and group (the cells of table 四) and cases pending at each year end. 按年度和类别的结果（表四）及年末未结案件。") { agency, format };
        outcomes.SetAction((parse, ct) => CliHost.RunAsync(() => OutcomesAsync(parse.GetValue(agency)!, parse.GetValue(format)!, ct)));
        return new Command("cases", "Administrative review and litigation cases. 行政复议、行政诉讼案件。") { list, outcomes };
    }

    private static async Task<int> ListAsync(string agency, bool openOnly, NodaTime.LocalDate? asOfDate, string format, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        await RequireAgencyAsync(app, agency, ct);
        var asOf = asOfDate ?? app.Today;
        var cases = await CaseViews.ListAsync(app, agency, openOnly, ct, asOf);
        if (format == "json")
        {
            // The contract's fields first (case, kind, request, filedOn, status, result, deadlines), then CaseFlow's.
            CliHost.WriteJson(cases.Select(c => new
            {
                @case = c.CaseReference,
                kind = c.Group == "review" ? "review" : "lawsuit",
                request = c.RequestReference,
                filedOn = c.FiledOn,
                status = c.Status == "pending" ? "pending" : "decided",
                result = c.Result,
                deadlines = c.Deadlines.Select(d => new { kind = d.Kind, dueOn = d.Due, provisional = d.Provisional }),
                group = c.Group,
                counted = c.Counted,
                concludedOn = c.ConcludedOn,
                decision = c.Decision,
                nextDeadline = c.NextDeadline?.Due,
                nextDeadlineKind = c.NextDeadline?.Label,
            }));
            return 0;
        }

        Console.Out.WriteLine($"{agency}: {cases.Count} cases");
        foreach (var c in cases)
        {
            Console.Out.WriteLine($"{c.CaseReference,-14} {c.Group,-22} request {c.RequestReference,-16} filed {c.FiledOn:yyyy-MM-dd}  {c.Status,-9}"
                + (c.NextDeadline is { } next ? $"  next: {next.Label} {next.Due:yyyy-MM-dd}" : "")
                + (c.Result is not null ? $"  {c.Result} on {c.ConcludedOn:yyyy-MM-dd}" : "")
                + (c.Counted ? "" : "  (co-defendant: not counted)"));
        }

        return 0;
    }

    private static async Task<int> OutcomesAsync(string agency, string format, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        await RequireAgencyAsync(app, agency, ct);
        var years = await CaseViews.OutcomesByYearAsync(app, agency, ct);
        if (format == "json")
        {
            CliHost.WriteJson(years);
            return 0;
        }

        Console.Out.WriteLine("year  group                  maintained corrected other pending");
        foreach (var y in years)
        {
            Console.Out.WriteLine($"{y.Year}  {y.Group,-22} {y.Maintained,10} {y.Corrected,9} {y.Other,5} {y.Pending,7}");
        }

        return 0;
    }

    private static async Task RequireAgencyAsync(CaseFlow.Infrastructure.CaseFlowApp app, string agency, CancellationToken ct)
    {
        if (await AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            throw CliHost.AgencyNotFound(agency);
        }
    }
}
