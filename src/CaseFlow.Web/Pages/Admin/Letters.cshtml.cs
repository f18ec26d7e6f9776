using CaseFlow.Infrastructure;
using CaseFlow.Letters;
using CaseFlow.Users;
using Microsoft.AspNetCore.Mvc;

namespace CaseFlow.Web.Pages.Admin;

/// <summary>The agency's letter templates: edit the text of any letter or answer paragraph; each save is a new version.</summary>
public sealed class LettersModel(CaseFlowApp app) : CaseFlowPageModel(app)
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public string? Body { get; set; }

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

    private async Task LoadAsync(CancellationToken ct)
    {
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
