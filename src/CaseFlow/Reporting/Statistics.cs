using System.Text.Json;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using NodaTime;

namespace CaseFlow.Reporting;

public sealed record MonthCount(string Month, int Count);

public sealed record OnTimeMonth(string Month, int Concluded, int OnTime)
{
    public double? Rate => Concluded == 0 ? null : Math.Round(100.0 * OnTime / Concluded, 1);
}

public sealed record YearGroups(int Year, IReadOnlyDictionary<string, int> ByGroup);

public sealed record DaysLeftBucket(string Label, int Count);

/// <summary>The figures behind the dashboard's charts, from the same facts as the report.</summary>
public sealed record DashboardStatistics(
    IReadOnlyList<MonthCount> ReceivedByMonth,
    IReadOnlyList<YearGroups> OutcomesByYear,
    IReadOnlyList<OnTimeMonth> OnTimeByMonth,
    IReadOnlyList<DaysLeftBucket> OpenByDaysLeft)
{
    /// <summary>The six result groups of table 三, in order, with their labels.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Groups =
    [
        ("disclosed", "予以公开"), ("partial", "部分公开"), ("refused", "不予公开"), ("unable", "无法提供"), ("not-processed", "不予处理"), ("other", "其他处理"),
    ];

    public static async Task<DashboardStatistics> LoadAsync(CaseFlowApp app, string agency, CancellationToken ct)
    {
        var today = app.Today;
        var calendar = app.Calendar.Current;
        var firstMonth = new LocalDate(today.Year, today.Month, 1).PlusMonths(-23);
        var received = new Dictionary<string, int>();
        var onTime = new Dictionary<string, (int Concluded, int OnTime)>();
        var byYear = new SortedDictionary<int, Dictionary<string, int>>();
        var buckets = new[] { "已逾期", "0–2", "3–5", "6–10", "11–20", "20以上" }.ToDictionary(b => b, _ => 0);

        await using var command = app.DataSource.CreateCommand("select data->'state' from rm.mt_doc_request_files where tenant_id = $1");
        command.Parameters.Add(Db.Param(agency));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var state = JsonSerializer.Deserialize<Request>(reader.GetString(0), app.Json)!;
            if (state.ReceivedOn >= firstMonth)
            {
                var month = Month(state.ReceivedOn);
                received[month] = received.GetValueOrDefault(month) + 1;
            }

            if (state.FirstConclusion is { } first)
            {
                var group = OutcomeRows.Of(first.Row(app.OutcomePolicies)).GroupKey;
                var year = byYear.TryGetValue(first.On.Year, out var groups) ? groups : byYear[first.On.Year] = [];
                year[group] = year.GetValueOrDefault(group) + 1;
            }

            if (state.Conclusion is { } conclusion && conclusion.On >= firstMonth)
            {
                // On time: concluded by the answer deadline as the clock stood on the day of the conclusion.
                var due = RequestClock.Compute(state, calendar, app.ClockPolicies, conclusion.On).Answer.Due;
                var month = Month(conclusion.On);
                var (n, ok) = onTime.GetValueOrDefault(month);
                onTime[month] = (n + 1, ok + (conclusion.On <= due ? 1 : 0));
            }
            else if (!state.Concluded)
            {
                var row = RequestViews.View(RequestClock.Compute(state, calendar, app.ClockPolicies, today).Answer, calendar, today);
                buckets[row.Overdue ? "已逾期" : row.WorkingDaysLeft switch { <= 2 => "0–2", <= 5 => "3–5", <= 10 => "6–10", <= 20 => "11–20", _ => "20以上" }]++;
            }
        }

        var months = Enumerable.Range(0, 24).Select(i => Month(firstMonth.PlusMonths(i))).ToList();
        return new DashboardStatistics(
            months.Select(m => new MonthCount(m, received.GetValueOrDefault(m))).ToList(),
            byYear.Select(y => new YearGroups(y.Key, Groups.ToDictionary(g => g.Key, g => y.Value.GetValueOrDefault(g.Key)))).ToList(),
            months.TakeLast(12).Select(m => onTime.TryGetValue(m, out var x) ? new OnTimeMonth(m, x.Concluded, x.OnTime) : new OnTimeMonth(m, 0, 0)).ToList(),
            buckets.Select(b => new DaysLeftBucket(b.Key, b.Value)).ToList());
    }

    private static string Month(LocalDate date) => $"{date.Year}-{date.Month:D2}";
}
