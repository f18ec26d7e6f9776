using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using NodaTime;
using Xunit.Abstractions;

namespace CaseFlow.Web.Tests;

/// <summary>
/// An agency with 20,000 open requests: the worklist shows them 50 to a page, most urgent first, with the count and the
/// way to the other pages, sorted and filtered on the server.
/// </summary>
public sealed partial class WorklistPagingTests(WebFixture fx, ITestOutputHelper output) : IClassFixture<WebFixture>
{
    private const int Requests = 20_000;

    [Fact]
    public async Task Twenty_thousand_requests_are_listed_fifty_to_a_page_most_urgent_first_sorted_and_filtered_on_the_server()
    {
        // P-00001 … P-20000, received in that order on the working days of 2026-01-05 … 2026-06-26, about 170 a day.
        var days = new List<LocalDate>();
        for (var d = new LocalDate(2026, 1, 5); d <= new LocalDate(2026, 6, 26); d = d.PlusDays(1))
        {
            if (fx.App.Calendar.Current.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        var lines = new StringBuilder();
        for (var i = 1; i <= Requests; i++)
        {
            var on = days[(i - 1) * days.Count / Requests];
            lines.Append($$"""{"command":"receive","agency":"web-a","request":"P-{{i:D5}}","receivedOn":"{{on:yyyy-MM-dd}}","channel":"online","applicant":{"type":"natural-person","name":"申请人{{i}}"},"subject":"医保报销政策 {{i}}"}""").Append('\n');
        }

        var summary = await JsonlImport.RunAsync(fx.App, Actor.System, new StringReader(lines.ToString()), stopOnError: true, _ => { }, default);
        summary.Applied.ShouldBe(Requests);

        using var officer = await fx.SignInAsync("officer");
        var clock = Stopwatch.StartNew();
        var first = WebUtility.HtmlDecode(await officer.GetStringAsync("?list=open"));
        output.WriteLine($"first page of {Requests} open requests: {clock.ElapsedMilliseconds} ms");
        References(first).Count.ShouldBe(50);
        References(first)[0].ShouldBe("P-00001"); // received first, due first; ties by number
        References(first)[49].ShouldBe("P-00050");
        first.ShouldContain("共 20000 件 · 第 1 / 400 页");
        first.ShouldContain("p=2\" rel=\"next\"");

        clock.Restart();
        var last = WebUtility.HtmlDecode(await officer.GetStringAsync("?list=open&p=400"));
        output.WriteLine($"last page, warm: {clock.ElapsedMilliseconds} ms");
        References(last).Count.ShouldBe(50);
        References(last).Intersect(References(first)).ShouldBeEmpty();
        last.ShouldNotContain("rel=\"next\"");
        (await officer.GetStringAsync("?list=open&p=9999")).ShouldContain("第 400 / 400 页"); // past the end: the last page

        var newest = WebUtility.HtmlDecode(await officer.GetStringAsync("?list=open&sort=received-desc"));
        References(newest)[0].ShouldBe("P-19831"); // the first of those received on the last day, 06-26 (170 that day: 19831 … 20000)

        // Received Mon 2026-01-05, 20 working days from 01-06 end Mon 02-02: the first day's requests are those due that day.
        var dueThatDay = WebUtility.HtmlDecode(await officer.GetStringAsync("?list=open&dueFrom=2026-02-02&dueTo=2026-02-02"));
        days.Count.ShouldBe(117); // so 20,000 spread as 171 on the first day, then 170 or 171 a day
        dueThatDay.ShouldContain("共 171 件 · 第 1 / 4 页");
        References(dueThatDay)[0].ShouldBe("P-00001");
    }

    [Fact]
    public void The_hand_worked_dates_of_the_paging_test_hold_on_the_calendar()
    {
        // 01-06 … 02-02 holds 20 working days (no holiday between New Year and Spring Festival 2026).
        var count = 0;
        for (var d = new LocalDate(2026, 1, 6); d <= new LocalDate(2026, 2, 2); d = d.PlusDays(1))
        {
            count += fx.App.Calendar.Current.IsWorkingDay(d) ? 1 : 0;
        }

        count.ShouldBe(20);
    }

    private static List<string> References(string page) =>
        [.. RowReference().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<td><a href=\"/requests/([^\"]+)\">")]
    private static partial Regex RowReference();
}
