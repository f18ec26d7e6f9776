using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages;

/// <summary>The approvers' list (待审批): every extension and delayed answer date the agency's officers asked for.</summary>
public sealed class ApprovalsModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    public IReadOnlyList<ApprovalItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Approver) && !Caller.Has(Role.Auditor))
        {
            return Forbid();
        }

        Items = await Approving.PendingAsync(App, Caller.Agency, ct);
        return Page();
    }
}
