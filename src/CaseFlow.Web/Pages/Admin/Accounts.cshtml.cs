using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages.Admin;

/// <summary>账号变更记录: who created which account, granted or revoked which role, when — for administrators and auditors.</summary>
public sealed class AccountsModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    public const int Limit = 500;

    public IReadOnlyList<AccountChange> Changes { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AgencyNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Caller.HasAny(Role.Admin, Role.Auditor))
        {
            return Forbid();
        }

        var agencies = await AgencyDirectory.SubtreeAsync(App, Caller.Agency, ct);
        AgencyNames = agencies.ToDictionary(a => a.Code, a => a.Name);
        Changes = await AccountHistory.ListAsync(App, agencies.Select(a => a.Code), Limit, ct);
        return Page();
    }
}
