using CaseFlow.Infrastructure;
using CaseFlow.Notifications;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using NodaTime;

namespace CaseFlow.Reminders;

/// <summary>Tells the agency's approvers that a request awaits them (planned with the request's write, in its transaction).</summary>
public sealed record SendApprovalRequest(string Agency, string Reference, LocalDate AskedOn);

/// <summary>The Wolverine handler of <see cref="SendApprovalRequest"/> (registered in <c>WolverineSetup</c>).</summary>
public static class ApprovalRequestHandler
{
    public static Task Handle(SendApprovalRequest message, CaseFlowApp app, CancellationToken ct) => ApprovalRequests.RunAsync(app, message, ct);
}

public static class ApprovalRequests
{
    /// <summary>
    /// Re-reads the request: only if it still awaits the approval asked for on that day do the approvers (else, when the
    /// agency has none, its administrators) get a message. True when one was due.
    /// </summary>
    public static async Task<bool> RunAsync(CaseFlowApp app, SendApprovalRequest message, CancellationToken ct)
    {
        await using var query = app.Query(message.Agency);
        if (await query.LoadAsync<RequestFile>(StreamIds.Request(message.Agency, message.Reference), ct) is not { State.AwaitingApproval: { } pending } file
            || pending.On != message.AskedOn)
        {
            return false;
        }

        var enabled = (await UserAccounts.ListAsync(app, message.Agency, ct)).Where(u => !u.Disabled).ToList();
        var recipients = enabled.Where(u => u.Has(Role.Approver)).ToList() is { Count: > 0 } approvers ? approvers : enabled.Where(u => u.Has(Role.Admin)).ToList();
        var link = "/requests/" + Uri.EscapeDataString(message.Reference);
        await Inbox.DeliverAsync(app, new Message(message.Agency, "approval",
            $"待审批：申请 {message.Reference} 报请{pending.Label}",
            $"{pending.RequestedBy} 于 {pending.On:yyyy-MM-dd} 报请{pending.Label}。理由：{pending.Reason}。所需信息：{file.Subject ?? "（未填写）"}",
            link, $"approval:{message.Agency}/{message.Reference}/{pending.On:yyyy-MM-dd}"), recipients, ct);
        return true;
    }
}
