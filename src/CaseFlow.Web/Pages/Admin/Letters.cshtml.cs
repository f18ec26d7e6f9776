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

    /// <summary>The request the editor previews the letter for (its number).</summary>
    [BindProperty]
    public string? PreviewReference { get; set; }

    public LetterTemplate? Current { get; private set; }

    /// <summary>The letter the typed template makes for <see cref="PreviewReference"/>, or why there is none.</summary>
    public LetterDocument? Preview { get; private set; }
    public bool Typed { get; private set; }
    public string? PreviewProblem { get; private set; }

    /// <summary>What the current version changed from the one before it (null for the default).</summary>
    public IReadOnlyList<DiffLine>? Changes { get; private set; }
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

        if (LetterPlaceholders.Unknown(text) is { Count: > 0 } unknown)
        {
            Fail("template", "letter.placeholder-unknown", $"模板中有未知字段 {string.Join("、", unknown)}：请从“可用字段”中选择（如【申请人】），未保存。");
            await LoadAsync(ct);
            return Page();
        }

        var version = await LetterTemplates.SaveAsync(App, Caller.Agency, Key, text, Caller.UserName, ct);
        Flash = $"已保存“{LetterTemplates.Label(Key)}”，第 {version} 版。此后出具的文书使用新版本。";
        return RedirectToPage(new { key = Key });
    }

    /// <summary>预览: the letter the typed (unsaved) template makes for a request; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!Caller.Has(Role.Admin))
        {
            return Forbid();
        }

        if (Key is null || !LetterTemplates.Keys.Contains(Key))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        var text = (Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        Typed = true; // the editor shows what was typed, not the saved text
        if (LetterPlaceholders.Unknown(text) is { Count: > 0 } unknown)
        {
            PreviewProblem = $"模板中有未知字段 {string.Join("、", unknown)}。";
        }
        else if (string.IsNullOrWhiteSpace(PreviewReference))
        {
            PreviewProblem = "请填写用于预览的申请编号。";
        }
        else
        {
            Preview = await IssuingLetters.PreviewAsync(App, Caller.Agency, PreviewReference.Trim(), Key, text, ct);
            PreviewProblem = Preview is null ? $"申请 {PreviewReference.Trim()} 不存在，或还不能出具这份文书。" : null;
        }

        return Page();
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
            if (Current.Version > 0 && await LetterTemplates.VersionAsync(App, Caller.Agency, Key, Current.Version - 1, ct) is { } previous)
            {
                Changes = LetterTemplateDiff.Lines(previous.Body, Current.Body);
            }
        }
    }
}
