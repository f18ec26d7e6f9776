using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>
/// An officer asks the agency's approver for an extension (art. 33) or an art. 35 delayed answer date, with reasons;
/// the approver approves (the approval is the fact that moves the deadline, recorded with the approver's name) or
/// refuses with a comment. The officer never names the approver. The approvers are told by the Reminders slice, which
/// plans a message for every request awaiting approval (<c>Reminders/ApprovalRequests.cs</c>).
/// </summary>
public sealed record AskForExtension(LocalDate On, int WorkingDays, string Reason, string RequestedBy) : RequestCommand;

public sealed record AskForDelayedAnswerDate(LocalDate On, LocalDate DueOn, string Reason, string RequestedBy) : RequestCommand;

/// <summary>The approver approves what is awaiting approval, as asked.</summary>
public sealed record ApprovePending(LocalDate On, string ApprovedBy) : RequestCommand;

/// <summary>The approver refuses what is awaiting approval, saying why.</summary>
public sealed record RefusePending(LocalDate On, string Comment, string RefusedBy) : RequestCommand;

/// <summary>What an officer sends: <c>kind</c> is <c>extension</c> (with <c>workingDays</c>) or <c>delayed-answer-date</c> (with <c>dueOn</c>).</summary>
public sealed record AskForApprovalBody(string? Kind, LocalDate? On, int? WorkingDays, LocalDate? DueOn, string? Reason);

/// <summary>What an approver sends: the decision's date and, for a refusal, the comment.</summary>
public sealed record DecideApprovalBody(LocalDate? On, string? Comment = null);

/// <summary>One request awaiting its approver, for the approvers' list (待审批).</summary>
public sealed record ApprovalItem(string Reference, string? Subject, string ApplicantName, string? Officer, PendingApproval Pending);

public static class Approving
{
    public const string ExtensionKind = "extension";
    public const string DelayedAnswerDateKind = "delayed-answer-date";

    public static Task<CommandOutcome> AskAsync(CaseFlowApp app, Actor actor, string agency, string reference, AskForApprovalBody body, string requestedBy,
        WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "报请日期");
        var reason = validation.Text(body.Reason, "reason", "理由");
        RequestCommand? command = null;
        switch (body.Kind)
        {
            case ExtensionKind when body.WorkingDays is { } days:
                command = new AskForExtension(on, days, reason, requestedBy);
                break;
            case ExtensionKind:
                validation.Problem("缺少延长的工作日数（workingDays，1–20）");
                break;
            case DelayedAnswerDateKind:
                var due = validation.Date(body.DueOn, "dueOn", "延迟答复期限");
                command = new AskForDelayedAnswerDate(on, due, reason, requestedBy);
                break;
            default:
                validation.Problem($"报请事项（kind）应为 {ExtensionKind}（延期答复）或 {DelayedAnswerDateKind}（第三十五条延迟答复）");
                break;
        }

        if (validation.Failed || command is null)
        {
            return Task.FromResult(validation.Rejection());
        }

        return RequestWrites.ExecuteAsync(app, actor, agency, reference, command, options, ct);
    }

    public static Task<CommandOutcome> ApproveAsync(CaseFlowApp app, Actor actor, string agency, string reference, DecideApprovalBody body, string approvedBy,
        WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "批准日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new ApprovePending(on, approvedBy), options, ct);
    }

    public static Task<CommandOutcome> RefuseAsync(CaseFlowApp app, Actor actor, string agency, string reference, DecideApprovalBody body, string refusedBy,
        WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "审批日期");
        var comment = validation.Text(body.Comment, "comment", "不予批准的意见");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new RefusePending(on, comment, refusedBy), options, ct);
    }

    /// <summary>The agency's open requests awaiting an approver, the earliest asked first.</summary>
    public static async Task<IReadOnlyList<ApprovalItem>> PendingAsync(CaseFlowApp app, string agency, CancellationToken ct)
    {
        // Only the files awaiting approval are read (a conclusion clears it), not the agency's whole worklist.
        await using var query = app.Query(agency);
        var files = await Marten.QueryableExtensions.ToListAsync(query.Query<GettingDetails.RequestFile>().Where(f => f.State.AwaitingApproval != null), ct);
        return [.. files
            .Select(f => new ApprovalItem(f.Reference, f.Subject, f.ApplicantName, f.Officer, f.State.AwaitingApproval!))
            .OrderBy(i => i.Pending.On).ThenBy(i => i.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Over HTTP the officer who asks and the approver who decides are the signed-in people, never a field.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{reference}/approval-requests", (string reference, AskForApprovalBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => AskAsync(app, caller.Actor, caller.Agency, reference, body, caller.DisplayName, options, ct)))
            .WithName("AskForApproval").WithSummary("报请审批: an officer asks the approver for an extension (art. 33) or an art. 35 delayed answer date")
            .AnswersRecord<RequestView>();
        api.MapPost("/requests/{reference}/approval-requests/approval", (string reference, DecideApprovalBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Approver, (caller, options) => ApproveAsync(app, caller.Actor, caller.Agency, reference, body, caller.DisplayName, options, ct)))
            .WithName("ApprovePending").WithSummary("批准: the approver approves what the officer asked, as asked")
            .AnswersRecord<RequestView>();
        api.MapPost("/requests/{reference}/approval-requests/refusal", (string reference, DecideApprovalBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Approver, (caller, options) => RefuseAsync(app, caller.Actor, caller.Agency, reference, body, caller.DisplayName, options, ct)))
            .WithName("RefusePending").WithSummary("不予批准: the approver refuses with a comment")
            .AnswersRecord<RequestView>();
        api.MapGet("/approvals", async (HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                if (Caller.From(http.User) is not { } caller)
                {
                    return ApiResults.NotSignedIn();
                }

                return caller.Has(Role.Approver) || caller.Has(Role.Auditor)
                    ? Results.Ok(await PendingAsync(app, caller.Agency, ct))
                    : ApiResults.Forbidden(Role.Approver);
            })
            .WithName("ListApprovals").WithSummary("待审批: the agency's requests awaiting an approver")
            .Answers<IReadOnlyList<ApprovalItem>>();
    }
}
