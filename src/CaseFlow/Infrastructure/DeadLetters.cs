using JasperFx.Core;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace CaseFlow.Infrastructure;

/// <summary>A message that failed after its retries (a reminder, a restatement, an e-mail), as administrators see it.</summary>
public sealed record FailedWork(Guid Id, string Kind, string KindLabel, Instant? SentAt, string? Error, string? Agency, bool Replayable);

/// <summary>
/// Wolverine's dead letters, in CaseFlow's words: listed on the administration screen (for the administrator's agency
/// and those below it), and sent again on request (once the cause, e.g. the mail server, is fixed).
/// </summary>
public static class DeadLetters
{
    public static async Task<IReadOnlyList<FailedWork>> ListAsync(CaseFlowApp app, IReadOnlyCollection<string> agencies, int limit, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<IMessageStore>();
        var page = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { Range = TimeRange.AllTime(), PageSize = Math.Max(limit, 1) * 4 }, ct);
        return [.. page.Envelopes
            .Where(d => d.Envelope?.TenantId is null || agencies.Contains(d.Envelope.TenantId))
            .Take(limit)
            .Select(d => new FailedWork(d.Id, d.MessageType ?? "?", Label(d.MessageType), Instant.FromDateTimeOffset(d.SentAt),
                d.ExceptionMessage is { } message ? $"{d.ExceptionType}: {message}" : d.ExceptionType, d.Envelope?.TenantId, d.Replayable))];
    }

    public static async Task<int> CountAsync(CaseFlowApp app, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<IMessageStore>();
        var page = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { Range = TimeRange.AllTime(), PageSize = 1 }, ct);
        return page.TotalCount;
    }

    /// <summary>Puts the message back on its queue (marked replayable, then moved by Wolverine's durability agent).</summary>
    public static async Task ReplayAsync(CaseFlowApp app, Guid id, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<IMessageStore>();
        await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [id] }, ct);
    }

    private static string Label(string? messageType) => messageType switch
    {
        _ when messageType?.EndsWith("SendReminder", StringComparison.Ordinal) == true => "期限提醒",
        _ when messageType?.EndsWith("SendMail", StringComparison.Ordinal) == true => "邮件发送",
        _ when messageType?.EndsWith("RestateClosedYears", StringComparison.Ordinal) == true => "年报更正",
        _ when messageType?.EndsWith("SendDailyDigest", StringComparison.Ordinal) == true => "每日待办",
        _ when messageType?.EndsWith("ProposeYearEndClose", StringComparison.Ordinal) == true => "年度关账提示",
        _ => messageType ?? "?",
    };
}
