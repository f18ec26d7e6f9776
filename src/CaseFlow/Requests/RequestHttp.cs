using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.Requests;

/// <summary>The HTTP side of every request use case: access, headers, outcome, and the request as it now stands.</summary>
public static class RequestHttp
{
    public static async Task<IResult> WriteAsync(HttpContext http, CaseFlowApp app, string? reference, Role role,
        Func<Caller, WriteOptions, Task<CommandOutcome>> run, bool creates = false)
    {
        if (!ApiResults.TryWriteAccess(http, role, out var caller, out var options, out var problem))
        {
            return problem;
        }

        var outcome = await run(caller, options);
        if (outcome is CommandOutcome.Rejected rejected)
        {
            return ApiResults.Rejected(rejected);
        }

        var loaded = await RequestViews.LoadAsync(app, caller.Agency, reference!, !RequestViews.SeesPersonalData(caller.Roles), http.RequestAborted);
        if (loaded is not { } found)
        {
            return ApiResults.Problem(StatusCodes.Status404NotFound, "request.not-found", $"申请 {reference} 不存在。");
        }

        var view = outcome is CommandOutcome.Applied { Warnings.Count: > 0 } applied ? found.View with { Warnings = applied.Warnings } : found.View;
        IResult result = creates && outcome is CommandOutcome.Applied { Created: true }
            ? TypedResults.Created($"/api/requests/{Uri.EscapeDataString(reference!)}", view)
            : TypedResults.Ok(view);
        return ApiResults.WithETag(result, found.Version);
    }

    /// <summary>The role a user needs to record this kind of fact.</summary>
    public static Role RoleFor(RequestCommand command) => command is ApproveExtension or SetDelayedAnswerDate ? Role.Approver : Role.Officer;
}
