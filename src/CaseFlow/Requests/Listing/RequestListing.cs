using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;
using Marten;
using NodaTime;

namespace CaseFlow.Requests.Listing;

/// <summary>Which requests a list shows.</summary>
public sealed record RequestFilter
{
    public static readonly RequestFilter All = new();

    public bool OpenOnly { get; init; }
    public string? Officer { get; init; }
    public RequestStatus? Status { get; init; }
    public Channel? Channel { get; init; }

    /// <summary>Matches the reference, the applicant's name or the subject.</summary>
    public string? Search { get; init; }
}

/// <summary>A request with its derived dates, as of a day.</summary>
public sealed record RequestRow(RequestFile File, Request State, RequestDeadlines Deadlines, LocalDate AsOf)
{
    public string Reference => State.Reference;

    /// <summary>The nearest running deadline (what the worklist orders by), or null when concluded; found once, as lists filter and sort on it.</summary>
    public Deadline? NextDeadline { get; } = Deadlines.Running(State).OrderBy(d => d.Due).FirstOrDefault();
}

/// <summary>
/// Lists an agency's requests with their deadlines computed as of a day. Today's list reads the request files; a list
/// as of an earlier day folds the events dated up to that day, so it shows what the clock said then.
/// </summary>
public static class RequestListing
{
    public static async Task<IReadOnlyList<RequestRow>> LoadAsync(CaseFlowApp app, string agency, LocalDate asOf, RequestFilter filter, CancellationToken ct = default)
    {
        var files = await LoadFilesAsync(app, agency, filter, ct);
        IReadOnlyDictionary<Guid, Request>? pastStates = asOf < app.Today ? await StatesAsOfAsync(app, agency, [.. files.Select(f => f.Id)], asOf, ct) : null;
        var calendar = app.Calendar.Current;
        var rows = new List<RequestRow>(files.Count);
        foreach (var (id, file) in files)
        {
            var state = pastStates is null ? file.State : pastStates.GetValueOrDefault(id, file.State);
            if (filter.OpenOnly && state.Concluded)
            {
                continue;
            }

            if (filter.Status is { } status && state.Status != status)
            {
                continue;
            }

            rows.Add(new RequestRow(file, state, RequestClock.Compute(state, calendar, app.ClockPolicies, asOf), asOf));
        }

        return rows;
    }

    /// <summary>Open requests first by their nearest statutory deadline; then concluded ones, latest first.</summary>
    public static IReadOnlyList<RequestRow> ByUrgency(IEnumerable<RequestRow> rows) =>
        rows.OrderBy(r => r.NextDeadline is null ? 1 : 0)
            .ThenBy(r => r.NextDeadline?.Due)
            .ThenByDescending(r => r.State.Conclusion?.On)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();

    private static async Task<List<(Guid Id, RequestFile File)>> LoadFilesAsync(CaseFlowApp app, string agency, RequestFilter filter, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        var files = query.Query<RequestFile>().AsQueryable();
        if (filter.Officer is { } officer)
        {
            files = files.Where(f => f.Officer == officer);
        }

        if (filter.Channel is { } channel)
        {
            var code = Codes.Channels.Code(channel);
            files = files.Where(f => f.Channel == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            files = files.Where(f => f.Reference.Contains(text, StringComparison.OrdinalIgnoreCase)
                || f.ApplicantName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || f.Subject!.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        if (filter.OpenOnly)
        {
            files = files.Where(f => f.Status != "concluded");
        }

        var list = await files.OrderBy(f => f.ReceivedOn).ThenBy(f => f.Reference).ToListAsync(ct);
        return [.. list.Select(f => (f.Id, f))];
    }

    /// <summary>Each request as it stood on <paramref name="asOf"/>: its events folded, those dated later left out.</summary>
    private static async Task<Dictionary<Guid, Request>> StatesAsOfAsync(CaseFlowApp app, string agency, IReadOnlyCollection<Guid> ids, LocalDate asOf, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        var events = await query.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids.ToArray()))
            .OrderBy(e => e.StreamId).ThenBy(e => e.Version)
            .ToListAsync(ct);
        return events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => RequestFacts.AsOf(g.Select(e => e.Data), asOf));
    }

}
