using CaseFlow.EventStore.Commands;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Ask the applicant for the reasons of an unreasonable volume or frequency of requests (Regs art. 35).</summary>
public sealed record AskVolumeReasons(LocalDate On) : RequestCommand;

/// <summary>Reasons accepted, but the normal period cannot be met: set a reasonable later answer date (Regs art. 35).</summary>
public sealed record SetDelayedAnswerDate(LocalDate On, LocalDate DueOn, string Reason) : RequestCommand;

public sealed record AskVolumeReasonsBody(LocalDate? On);

public sealed record SetDelayedAnswerDateBody(LocalDate? On, LocalDate? DueOn, string? Reason);

public static class Delaying
{
    public static Task<CommandOutcome> AskAsync(CaseFlowApp app, Actor actor, string agency, string reference, AskVolumeReasonsBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "要求说明理由日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new AskVolumeReasons(on), options, ct);
    }

    public static Task<CommandOutcome> SetAsync(CaseFlowApp app, Actor actor, string agency, string reference, SetDelayedAnswerDateBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "决定日期");
        var due = validation.Date(body.DueOn, "dueOn", "延迟答复期限");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new SetDelayedAnswerDate(on, due, body.Reason ?? ""), options, ct);
    }
}
