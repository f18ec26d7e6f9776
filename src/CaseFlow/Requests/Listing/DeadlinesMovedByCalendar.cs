using CaseFlow.Agencies;
using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Requests.Listing;

/// <summary>A running deadline of an open request that a calendar notice would move.</summary>
public sealed record MovedDeadline(string Agency, string AgencyName, string Reference, DeadlineKind Kind, string? Subject, LocalDate Before, LocalDate After);

/// <summary>
/// What loading a holiday notice would do before it is loaded: every open request of every agency whose running
/// deadlines fall on other dates under the calendar with the notice's years replaced.
/// </summary>
public static class DeadlinesMovedByCalendar
{
    /// <summary>The calendar in use with <paramref name="years"/> put in place of the years they name.</summary>
    public static WorkdayCalendar Proposed(WorkdayCalendar current, IEnumerable<CalendarYear> years)
    {
        var merged = current.Years.ToDictionary(y => y.Year);
        foreach (var year in years)
        {
            merged[year.Year] = year;
        }

        return new WorkdayCalendar(merged.Values);
    }

    public static async Task<IReadOnlyList<MovedDeadline>> ListAsync(CaseFlowApp app, IReadOnlyList<CalendarYear> years, CancellationToken ct = default)
    {
        var proposed = Proposed(app.Calendar.Current, years);
        var today = app.Today;
        var moved = new List<MovedDeadline>();
        foreach (var agency in await AgencyDirectory.AllAsync(app, ct))
        {
            foreach (var row in await RequestListing.LoadAsync(app, agency.Code, today, new RequestFilter { OpenOnly = true }, ct))
            {
                var after = RequestClock.Compute(row.State, proposed, app.ClockPolicies, today).Running(row.State)
                    .GroupBy(d => (d.Kind, d.Subject)).ToDictionary(g => g.Key, g => g.First().Due);
                foreach (var before in row.Deadlines.Running(row.State))
                {
                    if (after.TryGetValue((before.Kind, before.Subject), out var due) && due != before.Due)
                    {
                        moved.Add(new MovedDeadline(agency.Code, agency.Name, row.Reference, before.Kind, before.Subject, before.Due, due));
                    }
                }
            }
        }

        return [.. moved.OrderBy(m => m.Before).ThenBy(m => m.Agency, StringComparer.Ordinal).ThenBy(m => m.Reference, StringComparer.Ordinal)];
    }
}
