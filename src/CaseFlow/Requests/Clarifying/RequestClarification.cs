using CaseFlow.EventStore.Commands;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Send the one consolidated correction notice (补正告知, Regs art. 30).</summary>
public sealed record RequestClarification(LocalDate On, LocalDate? ReplyBy, IReadOnlyList<string> Items) : RequestCommand;

/// <summary>Record that the corrected request arrived: the answer period starts again.</summary>
public sealed record ReceiveClarification(LocalDate On) : RequestCommand;

public sealed record RequestClarificationBody(LocalDate? On, LocalDate? ReplyBy = null, IReadOnlyList<string>? Items = null);

public sealed record ReceiveClarificationBody(LocalDate? On);

public static class Clarifying
{
    public static Task<CommandOutcome> RequestAsync(CaseFlowApp app, Actor actor, string agency, string reference, RequestClarificationBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "补正告知日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new RequestClarification(on, body.ReplyBy, body.Items ?? []), options, ct);
    }

    public static Task<CommandOutcome> ReceiveAsync(CaseFlowApp app, Actor actor, string agency, string reference, ReceiveClarificationBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "收到补正日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new ReceiveClarification(on), options, ct);
    }
}
