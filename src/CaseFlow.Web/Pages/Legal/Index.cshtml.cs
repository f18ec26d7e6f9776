using CaseFlow.Infrastructure;
using CaseFlow.Reviews;

namespace CaseFlow.Web.Pages.Legal;

/// <summary>Legal staff's overview: open review and lawsuit cases by their next deadline, results by year.</summary>
public sealed class IndexModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    public IReadOnlyList<CaseView> Cases { get; private set; } = [];
    public IReadOnlyList<CaseOutcomeYear> Outcomes { get; private set; } = [];
    public bool ShowAll { get; private set; }

    public async Task OnGetAsync(bool all, CancellationToken ct)
    {
        ShowAll = all;
        Cases = await CaseViews.ListAsync(App, Caller.Agency, openOnly: !all, ct);
        Outcomes = await CaseViews.OutcomesByYearAsync(App, Caller.Agency, ct);
    }
}
