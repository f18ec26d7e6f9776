using CaseFlow.Infrastructure;
using CaseFlow.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages;

/// <summary>The user's reminders and messages, newest first, unread ones marked.</summary>
public sealed class NotificationsModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await Inbox.ListAsync(App, Caller.UserName, Unread, 200, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid? id, CancellationToken ct)
    {
        await Inbox.MarkReadAsync(App, Caller.UserName, id, ct);
        return RedirectToPage(new { unread = Unread });
    }

    /// <summary>Opens a notification's link and marks it read.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var item = (await Inbox.ListAsync(App, Caller.UserName, false, 500, ct)).FirstOrDefault(n => n.Id == id);
        await Inbox.MarkReadAsync(App, Caller.UserName, id, ct);
        return item?.Link is { } link && link.StartsWith('/') ? LocalRedirect(link) : RedirectToPage();
    }
}
