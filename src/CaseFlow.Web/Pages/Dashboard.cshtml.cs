using CaseFlow.Infrastructure;
using CaseFlow.Reporting;

namespace CaseFlow.Web.Pages;

/// <summary>Charts for those who would rather look than read: intake, outcomes by year, timeliness, deadline load.</summary>
public sealed class DashboardModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    public DashboardStatistics Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Stats = await DashboardStatistics.LoadAsync(App, Caller.Agency, ct);
}
