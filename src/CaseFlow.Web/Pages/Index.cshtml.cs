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

    /// <summary>due (the nearest deadline first, the default), received-desc, received, reference.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>Only requests whose next deadline falls in this range.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? DueFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? DueTo { get; set; }

    /// <summary>The page of the list (50 rows each); "page" itself is Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
        [("due", "法定期限由近到远"), ("received-desc", "收到日期由新到旧"), ("received", "收到日期由旧到新"), ("reference", "申请编号")];

    public int TotalRows { get; private set; }
    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);

    /// <summary>This list's address on another page (the filters kept).</summary>
    public string PageLink(int page)
    {
        var query = new List<string> { $"list={Uri.EscapeDataString(List)}" };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("status", Status);
        Add("channel", Channel);
        Add("officer", Officer);
        Add("q", Q);
        Add("flag", Flag);
        Add("sort", Sort);
        Add("dueFrom", DueFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("dueTo", DueTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        query.Add($"p={page}");
        return "?" + string.Join("&", query);
    }

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
        // The counts need each open request's nearest deadline, not its view (explanations and all).
        var calendar = app.Calendar.Current;
        var open = await RequestListing.LoadAsync(app, caller.Agency, Today, new RequestFilter { OpenOnly = true }, ct);
        var urgency = open.Select(r => r.NextDeadline is { } d ? RequestViews.Urgency(d, calendar, Today) : default).ToList();
        OpenCount = open.Count;
        OverdueCount = urgency.Count(u => u.Overdue);
        DueSoonCount = urgency.Count(u => u.DueSoon);
        MineCount = open.Count(r => r.State.Officer == caller.UserName);

        var filter = new RequestFilter
        {
            OpenOnly = List != "all",
            Officer = List == "mine" ? caller.UserName : string.IsNullOrWhiteSpace(Officer) ? null : Officer.Trim(),
            Status = Codes.Statuses.TryParse(Status, out var status) ? status : null,
            Channel = Codes.Channels.TryParse(Channel, out var channel) ? channel : null,
            Search = Q,
        };
        // The open requests are loaded already: a list of open ones by officer or status is cut from them, not read again.
        IEnumerable<RequestRow> rows = filter is { OpenOnly: true, Channel: null, Search: null or "" }
            ? open.Where(r => (filter.Officer is null || r.State.Officer == filter.Officer) && (filter.Status is null || r.State.Status == filter.Status))
            : await RequestListing.LoadAsync(app, caller.Agency, Today, filter, ct);
        if (DueFrom is { } from)
        {
            rows = rows.Where(r => r.NextDeadline is { } d && d.Due >= LocalDate.FromDateOnly(from));
        }

        if (DueTo is { } to)
        {
            rows = rows.Where(r => r.NextDeadline is { } d && d.Due <= LocalDate.FromDateOnly(to));
        }

        rows = Sort switch
        {
            "received-desc" => rows.OrderByDescending(r => r.State.ReceivedOn).ThenBy(r => r.Reference, StringComparer.Ordinal),
            "received" => rows.OrderBy(r => r.State.ReceivedOn).ThenBy(r => r.Reference, StringComparer.Ordinal),
            "reference" => rows.OrderBy(r => r.Reference, StringComparer.Ordinal),
            _ => RequestListing.ByUrgency(rows),
        };

        if (Flag is "overdue" or "soon")
        {
            rows = rows.Where(r => r.NextDeadline is { } d && RequestViews.Urgency(d, calendar, Today) is var u && (Flag == "overdue" ? u.Overdue : u.DueSoon));
        }

        // Only the page shown is made into views.
        var list = rows.ToList();
        TotalRows = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(r => RequestViews.FromRow(app, r))];
    }
}
