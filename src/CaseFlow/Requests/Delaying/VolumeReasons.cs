using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Ask the applicant for the reasons of an unreasonable volume or frequency of requests (Regs art. 35).</summary>
public sealed record AskVolumeReasons(LocalDate On) : RequestCommand;

/// <summary>
/// Reasons accepted, but the normal period cannot be met: set a reasonable later answer date (Regs art. 35). Approved
/// like an extension by the head of the disclosure office, and notified to the applicant.
/// </summary>
public sealed record SetDelayedAnswerDate(LocalDate On, LocalDate DueOn, string Reason, string? ApprovedBy) : RequestCommand;

public sealed record AskVolumeReasonsBody(LocalDate? On);

public sealed record SetDelayedAnswerDateBody(LocalDate? On, LocalDate? DueOn, string? Reason, string? ApprovedBy = null);

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
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new SetDelayedAnswerDate(on, due, body.Reason ?? "", body.ApprovedBy), options, ct);
    }

    /// <summary>Over HTTP the approver of a delayed date is the signed-in approver, never a field of the body.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{reference}/volume-reasons-requests", (string reference, AskVolumeReasonsBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => AskAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("AskVolumeReasons").WithSummary("Ask for the reasons of an unreasonable volume of requests (art. 35)")
            .AnswersRecord<RequestView>();
        api.MapPut("/requests/{reference}/delayed-answer-date", (string reference, SetDelayedAnswerDateBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Approver, (caller, options) =>
                    SetAsync(app, caller.Actor, caller.Agency, reference, body with { ApprovedBy = caller.DisplayName }, options, ct)))
            .WithName("SetDelayedAnswerDate").WithSummary("Set a reasonable delayed answer date (art. 35), approved like an extension (approver role)")
            .AnswersRecord<RequestView>();
    }
}
