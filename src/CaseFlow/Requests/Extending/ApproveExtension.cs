using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Extend the answer period, approved by the head of the disclosure office and notified (Regs art. 33).</summary>
public sealed record ApproveExtension(LocalDate On, int WorkingDays, string ApprovedBy, string? Reason = null) : RequestCommand;

public sealed record ApproveExtensionBody(LocalDate? On, int? WorkingDays, string? ApprovedBy, string? Reason = null);

public static class Extending
{
    public static Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, string reference, ApproveExtensionBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "延期决定日期");
        if (body.WorkingDays is null)
        {
            validation.Problem("缺少延长的工作日数（workingDays，1–20）");
        }

        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new ApproveExtension(on, body.WorkingDays!.Value, body.ApprovedBy ?? "", body.Reason), options, ct);
    }

    /// <summary>Over HTTP the approver is the signed-in approver: the approval is theirs.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/requests/{reference}/extensions", (string reference, ApproveExtensionBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Approver, (caller, options) =>
                    HandleAsync(app, caller.Actor, caller.Agency, reference, body with { ApprovedBy = caller.DisplayName }, options, ct)))
            .WithName("ApproveExtension").WithSummary("延期: extension approved by the head of the disclosure office and notified (art. 33)")
            .AnswersRecord<RequestView>();
}
