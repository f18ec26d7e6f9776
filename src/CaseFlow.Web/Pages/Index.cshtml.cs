using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Requests.Listing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace CaseFlow.Web.Pages;

public sealed class IndexModel(CaseFlowApp app) : PageModel
{
    private static readonly string[] s_weekdays = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

    [BindProperty(SupportsGet = true)]
    public string List { get; set; } = "mine";

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Flag { get; set; }

    public LocalDate Today { get; private set; }
    public string Weekday => s_weekdays[(int)Today.DayOfWeek];
    public IReadOnlyList<RequestView> Rows { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int OverdueCount { get; private set; }
    public int DueSoonCount { get; private set; }
    public int MineCount { get; private set; }

    /// <summary>The agency's officers, for the filter: picked by name, never typed as a login.</summary>
    public IReadOnlyList<Users.UserAccount> Officers { get; private set; } = [];
    public Users.PeopleNames Names { get; private set; } = Users.PeopleNames.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = Caller.From(User)!;
        Today = app.Today;
        if (caller.Roles.All(r => r != Users.Role.Officer) && !Request.Query.ContainsKey("list"))
        {
            List = "open";
        }

        var accounts = await Users.UserAccounts.ListAsync(app, caller.Agency, ct);
        Officers = [.. accounts.Where(a => a.Has(Users.Role.Officer) && !a.Disabled)];
        Names = Users.PeopleNames.Of(accounts);
        var open = (await RequestListing.LoadAsync(app, caller.Agency, Today, new RequestFilter { OpenOnly = true }, ct))
            .Select(r => RequestViews.FromRow(app, r)).ToList();
        OpenCount = open.Count;
        OverdueCount = open.Count(r => r.NextDeadline?.Overdue == true);
        DueSoonCount = open.Count(r => r.NextDeadline?.DueSoon == true);
        MineCount = open.Count(r => r.Officer == caller.UserName);

        var filter = new RequestFilter
        {
            OpenOnly = List != "all",
            Officer = List == "mine" ? caller.UserName : string.IsNullOrWhiteSpace(Officer) ? null : Officer.Trim(),
            Status = Codes.Statuses.TryParse(Status, out var status) ? status : null,
            Channel = Codes.Channels.TryParse(Channel, out var channel) ? channel : null,
            Search = Q,
        };
        var rows = RequestListing.ByUrgency(await RequestListing.LoadAsync(app, caller.Agency, Today, filter, ct)).Select(r => RequestViews.FromRow(app, r));
        Rows = Flag switch
        {
            "overdue" => rows.Where(r => r.NextDeadline?.Overdue == true).ToList(),
            "soon" => rows.Where(r => r.NextDeadline?.DueSoon == true).ToList(),
            _ => rows.ToList(),
        };
    }
}
