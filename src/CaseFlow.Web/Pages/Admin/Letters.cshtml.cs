using CaseFlow.Agencies;
using CaseFlow.Agencies.Letterheads;
using CaseFlow.Infrastructure;
using CaseFlow.Letters;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages.Admin;

/// <summary>The letterhead form: what every letter of the agency says about it.</summary>
public sealed class LetterheadInput
{
    public string? FormId { get; set; }
    public long Version { get; set; }
    public string? DocumentPrefix { get; set; }
    public string? ReviewBody { get; set; }
    public string? Court { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
}

/// <summary>
/// The agency's letters: its letterhead (文书设置: 文号 prefix, review body, court, contact) and the text of any letter
/// or answer paragraph; each template save is a new version.
/// </summary>
public sealed class LettersModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public LetterheadInput Letterhead { get; set; } = new();

    public LetterTemplate? Current { get; private set; }
    public IReadOnlyList<(string Key, string Label, int Version)> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool reset, CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        if (Key is null || !LetterTemplates.Keys.Contains(Key))
        {
            return NotFound();
        }

        var text = reset ? LetterTemplates.Default(Key).Body : (Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            Fail("template", "input.invalid", "模板内容不能为空。");
            await LoadAsync(ct);
            return Page();
        }

        var version = await LetterTemplates.SaveAsync(App, Caller.Agency, Key, text, Caller.UserName, ct);
        Flash = $"已保存“{LetterTemplates.Label(Key)}”，第 {version} 版。此后出具的文书使用新版本。";
        return RedirectToPage(new { key = Key });
    }

    public async Task<IActionResult> OnPostLetterheadAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        var form = Letterhead;
        var command = new AdoptLetterhead(Caller.Agency, form.DocumentPrefix, form.ReviewBody, form.Court, form.ContactPerson, form.ContactPhone);
        if (await RunAsync("letterhead", form.FormId, form.Version, options => AdoptingLetterhead.HandleAsync(App, Caller.Actor, command, options, ct)))
        {
            Flash = "已保存文书设置。此后出具的文书使用新的文号前缀、复议机关、人民法院和联系人。";
            return RedirectToPage(new { key = Key });
        }

        await LoadAsync(ct, keepLetterheadForm: true);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct, bool keepLetterheadForm = false)
    {
        if (await AgencyDirectory.LoadAsync(App, Caller.Agency, ct) is { } agency)
        {
            // A refused form keeps what was typed, against the version now stored.
            var shown = keepLetterheadForm
                ? new Letterhead(Letterhead.DocumentPrefix, Letterhead.ReviewBody, Letterhead.Court, Letterhead.ContactPerson, Letterhead.ContactPhone)
                : agency.Letterhead;
            Letterhead = new LetterheadInput
            {
                FormId = NewFormId(),
                Version = agency.Version,
                DocumentPrefix = shown.DocumentPrefix,
                ReviewBody = shown.ReviewBody,
                Court = shown.Court,
                ContactPerson = shown.ContactPerson,
                ContactPhone = shown.ContactPhone,
            };
        }

        var list = new List<(string, string, int)>();
        foreach (var key in LetterTemplates.Keys)
        {
            list.Add((key, LetterTemplates.Label(key), (await LetterTemplates.CurrentAsync(App, Caller.Agency, key, ct)).Version));
        }

        Templates = list;
        if (Key is not null && LetterTemplates.Keys.Contains(Key))
        {
            Current = await LetterTemplates.CurrentAsync(App, Caller.Agency, Key, ct);
        }
    }
}
