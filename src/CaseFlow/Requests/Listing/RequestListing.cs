using System.Text.Json;
using CaseFlow.Deadlines;
using CaseFlow.EventStore;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.GettingDetails;
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

    /// <summary>The nearest running deadline (what the worklist orders by), or null when concluded.</summary>
    public Deadline? NextDeadline => Deadlines.Running(State).OrderBy(d => d.Due).FirstOrDefault();
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
        IReadOnlyDictionary<Guid, Request>? pastStates = asOf < app.Today ? await StatesAsOfAsync(app, agency, asOf, ct) : null;
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
        await using var command = app.DataSource.CreateCommand(
            """
            select id, data::text from rm.request_files
             where tenant_id = $1
               and ($2::text is null or officer = $2)
               and ($3::text is null or channel = $3)
               and ($4::text is null or reference ilike $4 or applicant_name ilike $4 or subject ilike $4)
               and (not $5 or status <> 'concluded')
             order by received_on, reference
            """);
        command.Parameters.Add(Db.Param(agency));
        command.Parameters.Add(Db.Param(filter.Officer, NpgsqlTypes.NpgsqlDbType.Text));
        command.Parameters.Add(Db.Param(filter.Channel is { } channel ? Codes.Channels.Code(channel) : null, NpgsqlTypes.NpgsqlDbType.Text));
        command.Parameters.Add(Db.Param(string.IsNullOrWhiteSpace(filter.Search) ? null : $"%{EscapeLike(filter.Search.Trim())}%", NpgsqlTypes.NpgsqlDbType.Text));
        command.Parameters.Add(Db.Param(filter.OpenOnly));
        var files = new List<(Guid, RequestFile)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            files.Add((reader.GetGuid(0), JsonSerializer.Deserialize<RequestFile>(reader.GetString(1), app.Json)!));
        }

        return files;
    }

    private static async Task<Dictionary<Guid, Request>> StatesAsOfAsync(CaseFlowApp app, string agency, LocalDate asOf, CancellationToken ct)
    {
        await using var command = app.DataSource.CreateCommand(
            """
            select e.stream_id, e.type, e.data::text from es.events e join es.streams s on s.tenant_id = e.tenant_id and s.id = e.stream_id
             where e.tenant_id = $1 and s.type = $2 and not e.is_archived
             order by e.stream_id, e.version
            """);
        command.Parameters.Add(Db.Param(agency));
        command.Parameters.Add(Db.Param(Request.StreamType));
        var events = new Dictionary<Guid, List<object>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            if (!events.TryGetValue(id, out var list))
            {
                events[id] = list = [];
            }

            list.Add(app.Store.Registry.Deserialize(reader.GetString(1), reader.GetString(2)));
        }

        return events.ToDictionary(e => e.Key, e => RequestFacts.AsOf(e.Value, asOf));
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
