using CaseFlow.Infrastructure;
using Marten;
using NodaTime;

namespace CaseFlow.Reminders;

/// <summary>
/// A reminder that had no one to go to: the agency has no enabled officer (or legal staff, for review and litigation).
/// It is kept for the administrators' screen and sent to them instead, never completed in silence.
/// </summary>
public sealed record UnroutedReminder
{
    /// <summary>The reminder's own dedup key: the same reminder is recorded once.</summary>
    public string Id { get; init; } = "";
    public string Agency { get; init; } = "";
    public string Title { get; init; } = "";
    public string Link { get; init; } = "";
    public string Reason { get; init; } = "";
    public Instant At { get; init; }
}

public static class UnroutedReminders
{
    public static async Task RecordAsync(CaseFlowApp app, UnroutedReminder reminder, CancellationToken ct)
    {
        await using var session = app.Store.LightweightSession(reminder.Agency);
        session.Store(reminder);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The latest reminders that had no recipient, in these agencies.</summary>
    public static async Task<IReadOnlyList<UnroutedReminder>> ListAsync(CaseFlowApp app, IEnumerable<string> agencies, int limit, CancellationToken ct)
    {
        var all = new List<UnroutedReminder>();
        foreach (var agency in agencies)
        {
            await using var query = app.Query(agency);
            all.AddRange(await query.Query<UnroutedReminder>().OrderByDescending(r => r.At).Take(limit).ToListAsync(ct));
        }

        return [.. all.OrderByDescending(r => r.At).Take(limit)];
    }
}
