using System.Text.RegularExpressions;
using CaseFlow.Agencies;
using CaseFlow.Agencies.Registering;
using CaseFlow.Deadlines;
using CaseFlow.Infrastructure;
using CaseFlow.Requests.Listing;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages.Admin;

public sealed class UserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Agency { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool Disabled { get; set; }
}

public sealed class AgencyInput
{
    public string? FormId { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Parent { get; set; }
}

/// <summary>
/// Administration (管理员 only): the users of the agency and the agencies below it, the agency tree, the working-day
/// calendar years (warning when next year's notice is not loaded), and background work that needs attention.
/// </summary>
public sealed partial class IndexModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [BindProperty]
    public UserInput NewUser { get; set; } = new();

    [BindProperty]
    public UserInput EditUser { get; set; } = new();

    [BindProperty]
    public AgencyInput NewAgency { get; set; } = new();

    public IReadOnlyList<AgencyEntry> Agencies { get; private set; } = [];
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public IReadOnlyList<CalendarYear> CalendarYears { get; private set; } = [];

    /// <summary>A notice read from a file and not loaded yet, with the deadlines it would move.</summary>
    public CalendarProposal? CalendarPreview { get; private set; }
    public IReadOnlyList<FailedWork> AttentionJobs { get; private set; } = [];
    public IReadOnlyList<CaseFlow.Reminders.UnroutedReminder> UnroutedReminders { get; private set; } = [];
    public int Year => App.Today.Year;
    public bool NextYearMissing => !App.Calendar.Current.Covers(Year + 1);
    public bool ThisYearMissing => !App.Calendar.Current.Covers(Year);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateUserAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        var input = NewUser;
        var problems = new List<string>();
        if (input.UserName is null || !UserNamePattern().IsMatch(input.UserName))
        {
            problems.Add("用户名为 2–32 位小写字母、数字、点、横线或下划线");
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            problems.Add("请填写姓名");
        }

        if (input.Password is null || input.Password.Length < 8)
        {
            problems.Add("初始密码至少 8 个字符");
        }

        if (!Agencies.Any(a => a.Code == input.Agency))
        {
            problems.Add("请选择本机关或下级机关");
        }

        var roles = Roles(input.Roles);
        if (roles.Count == 0)
        {
            problems.Add("请至少选择一个角色");
        }

        if (roles.Contains(Role.SystemAdmin) && !Caller.Has(Role.SystemAdmin))
        {
            problems.Add("只有系统管理员可以授予系统管理员角色");
        }

        if (problems.Count > 0)
        {
            Fail("create-user", "input.invalid", string.Join("；", problems) + "。");
            return Page();
        }

        if (await UserAccounts.FindAsync(App, input.UserName!, ct) is not null)
        {
            Fail("create-user", "user.exists", $"用户名 {input.UserName} 已存在。");
            return Page();
        }

        try
        {
            await UserAccounts.CreateAsync(App, input.UserName!, input.Agency!, input.DisplayName!.Trim(), input.Password!, roles,
                string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(), ct, Caller.Actor);
        }
        catch (UserExistsException)
        {
            Fail("create-user", "user.exists", $"用户名 {input.UserName} 已存在。");
            return Page();
        }

        Flash = $"已创建用户 {input.UserName}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateUserAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        var user = Users.FirstOrDefault(u => u.UserName == EditUser.UserName);
        if (user is null)
        {
            return NotFound();
        }

        var roles = Roles(EditUser.Roles);
        if (user.UserName == Caller.UserName && (!roles.Contains(Role.Admin) || EditUser.Disabled))
        {
            Fail("edit-" + user.UserName, "user.self-lockout", "不能停用自己的账号或取消自己的管理员角色（以免无人能管理系统）。");
            return Page();
        }

        // Everything is checked before anything is written: a refused password must not leave the roles changed.
        if (!Caller.Has(Role.SystemAdmin))
        {
            // The form does not show that role to others: it stays as it is, and a posted grant is refused.
            if (roles.Contains(Role.SystemAdmin) && !user.Has(Role.SystemAdmin))
            {
                Fail("edit-" + user.UserName, "user.role-not-grantable", "只有系统管理员可以授予系统管理员角色。");
                return Page();
            }

            if (user.Has(Role.SystemAdmin))
            {
                roles.Add(Role.SystemAdmin);
            }
        }

        if (roles.Count == 0)
        {
            Fail("edit-" + user.UserName, "input.invalid", "请至少选择一个角色。");
            return Page();
        }

        if (!string.IsNullOrEmpty(EditUser.Password) && EditUser.Password.Length < 8)
        {
            Fail("edit-" + user.UserName, "input.invalid", "新密码至少 8 个字符。");
            return Page();
        }

        await UserAccounts.UpdateAsync(App, user.UserName, string.IsNullOrWhiteSpace(EditUser.DisplayName) ? user.DisplayName : EditUser.DisplayName.Trim(), roles, EditUser.Disabled, ct,
            Caller.Actor);
        if (!string.IsNullOrEmpty(EditUser.Password))
        {
            await UserAccounts.SetPasswordAsync(App, user.UserName, EditUser.Password, ct, Caller.Actor);
        }

        Flash = $"已更新用户 {user.UserName}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRegisterAgencyAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        var parent = string.IsNullOrWhiteSpace(NewAgency.Parent) ? Caller.Agency : NewAgency.Parent;
        if (!Agencies.Any(a => a.Code == parent))
        {
            Fail("agency", "agency.parent-not-found", "上级机关应为本机关或其下级机关。");
            return Page();
        }

        if (await RunAsync("agency", NewAgency.FormId, null, options =>
                AgencyRegistration.HandleAsync(App, Caller.Actor, new RegisterAgencyBody(NewAgency.Code, NewAgency.Name, parent, "department"), options, ct)))
        {
            Flash = $"已登记机关 {NewAgency.Name}。";
            return RedirectToPage();
        }

        return Page();
    }

    /// <summary>
    /// First step of loading a holiday notice: parsed and shown with every open request's deadline it would move;
    /// nothing is loaded until the system administrator confirms (<see cref="OnPostConfirmCalendarAsync"/>).
    /// </summary>
    public async Task<IActionResult> OnPostLoadCalendarAsync(IFormFile? file, CancellationToken ct)
    {
        if (await CalendarRefusalAsync(ct) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0 || file.Length > InputBounds.MaxCalendarChars)
        {
            Fail("calendar", "input.invalid", "请选择节假日安排文件（JSON，格式见 docs/cli.md 的 calendar load）。");
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream());
        var text = await reader.ReadToEndAsync(ct);
        if (ParseCalendar(text) is not { } years)
        {
            return Page();
        }

        CalendarPreview = new(text, years, await DeadlinesMovedByCalendar.ListAsync(App, years, ct));
        return Page();
    }

    /// <summary>Loads the notice shown in the preview.</summary>
    public async Task<IActionResult> OnPostConfirmCalendarAsync(string? calendar, CancellationToken ct)
    {
        if (await CalendarRefusalAsync(ct) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(calendar) || ParseCalendar(calendar) is not { } years)
        {
            Fail("calendar", "calendar.invalid", "没有待确认的节假日安排，请重新选择文件。");
            return Page();
        }

        var loaded = await App.Calendar.LoadAsync(years, Caller.UserName, ct);
        Flash = $"已载入 {string.Join("、", loaded)} 年的节假日安排；之后计算的期限即按新安排。";
        return RedirectToPage();
    }

    private async Task<IActionResult?> CalendarRefusalAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        // The calendar moves every agency's deadlines: not any one agency's administrator's to change.
        if (!Caller.Has(Role.SystemAdmin))
        {
            Fail("calendar", "calendar.system-admin-only", "节假日安排影响所有机关的法定期限，只有系统管理员可以载入。");
            return Page();
        }

        return null;
    }

    private IReadOnlyList<CalendarYear>? ParseCalendar(string text)
    {
        try
        {
            return WorkdayCalendar.Parse(text);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException)
        {
            Fail("calendar", "calendar.invalid", $"文件格式有误：{e.Message}");
            return null;
        }
    }

    /// <summary>Sends a failed message again (e.g. once the mail server is back), if it belongs to the administrator's agencies.</summary>
    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        if (AttentionJobs.All(j => j.Id != id))
        {
            return NotFound();
        }

        await DeadLetters.ReplayAsync(App, id, ct);
        Flash = "已重新安排执行该后台任务。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await AgencyDirectory.SubtreeAsync(App, Caller.Agency, ct);
        var users = new List<UserAccount>();
        foreach (var agency in Agencies)
        {
            users.AddRange(await UserAccounts.ListAsync(App, agency.Code, ct));
        }

        Users = users;
        CalendarYears = [.. App.Calendar.Current.Years.OrderByDescending(y => y.Year)];
        AttentionJobs = await DeadLetters.ListAsync(App, [.. Agencies.Select(a => a.Code)], 50, ct);
        UnroutedReminders = await CaseFlow.Reminders.UnroutedReminders.ListAsync(App, Agencies.Select(a => a.Code), 50, ct);
        NewAgency.FormId ??= NewFormId();
    }

    private static List<Role> Roles(IEnumerable<string> codes) =>
        [.. codes.Select(c => UserAccounts.RoleCodes.TryParse(c, out var r) ? (Role?)r : null).OfType<Role>().Distinct()];

    [GeneratedRegex("^[a-z0-9._-]{2,32}$")]
    private static partial Regex UserNamePattern();
}

/// <summary>A holiday notice awaiting confirmation: its text (sent back with the confirmation), its years, what it moves.</summary>
public sealed record CalendarProposal(string Text, IReadOnlyList<CalendarYear> Years, IReadOnlyList<MovedDeadline> Moved);
