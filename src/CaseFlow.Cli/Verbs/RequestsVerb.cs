using System.CommandLine;
using CaseFlow.Agencies;
using CaseFlow.Deadlines;
using CaseFlow.Requests;
using CaseFlow.Requests.Listing;

namespace CaseFlow.Cli.Verbs;

/// <summary><c>caseflow requests list --agency CODE [--as-of YYYY-MM-DD] [--format json|table]</c>.</summary>
internal static class RequestsVerb
{
    public static Command Build()
    {
        var agency = CliOptions.Agency();
        var asOf = CliOptions.Date("--as-of", "Compute deadlines as of this day (default: today in the agency's time zone). 按此日计算期限（默认今天）。");
        var format = CliOptions.Format(["json", "table"], "table");
        var openOnly = new Option<bool>("--open") { Description = "Only requests still open. 只列未办结的申请。" };
        var list = new Command("list", "The agency's requests with their status and statutory dates. 本单位的申请、状态和法定期限。") { agency, asOf, format, openOnly };
        list.SetAction((parse, ct) => CliHost.RunAsync(() => ListAsync(parse.GetValue(agency)!, parse.GetValue(asOf), parse.GetValue(format)!, parse.GetValue(openOnly), ct)));
        return new Command("requests", "Disclosure requests. 依申请公开的申请。") { list };
    }

    private static async Task<int> ListAsync(string agency, NodaTime.LocalDate? asOfDate, string format, bool openOnly, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(ct);
        var app = host.App;
        if (await AgencyDirectory.FindAsync(app, agency, ct) is null)
        {
            throw CliHost.AgencyNotFound(agency);
        }

        var asOf = asOfDate ?? app.Today;
        var rows = await RequestListing.LoadAsync(app, agency, asOf, new RequestFilter { OpenOnly = openOnly }, ct);
        var items = rows.OrderBy(r => r.State.ReceivedOn).ThenBy(r => r.Reference, StringComparer.Ordinal).Select(r => new RequestListItem(
            r.Reference,
            Codes.Statuses.Code(r.State.Status),
            r.State.ReceivedOn,
            r.Deadlines.Answer.Due,
            r.Deadlines.ClarificationNotice.Due,
            r.State.Conclusion is { } c ? Codes.Outcomes.Code(c.Row(app.OutcomePolicies)) : null,
            r.State.Conclusion?.On)).ToList();
        if (format == "json")
        {
            CliHost.WriteJson(items);
            return 0;
        }

        Console.Out.WriteLine($"{agency}: {items.Count} requests as of {asOf:yyyy-MM-dd}");
        foreach (var (item, row) in items.Zip(rows.OrderBy(r => r.State.ReceivedOn).ThenBy(r => r.Reference, StringComparer.Ordinal)))
        {
            var next = row.NextDeadline;
            Console.Out.WriteLine($"{item.Request,-16} {item.Status,-22} received {item.ReceivedOn:yyyy-MM-dd}  answer due {item.AnswerDueOn:yyyy-MM-dd}"
                + (next is not null && next.Kind != DeadlineKind.Answer ? $"  next: {next.Kind} {next.Due:yyyy-MM-dd}" : "")
                + (item.Outcome is not null ? $"  {item.Outcome} on {item.ConcludedOn:yyyy-MM-dd}" : ""));
        }

        return 0;
    }

    /// <summary>One element of <c>requests list --format json</c>, exactly as the contract names it.</summary>
    private sealed record RequestListItem(
        string Request, string Status, NodaTime.LocalDate ReceivedOn, NodaTime.LocalDate? AnswerDueOn, NodaTime.LocalDate ClarificationNoticeDueOn,
        string? Outcome, NodaTime.LocalDate? ConcludedOn);
}
