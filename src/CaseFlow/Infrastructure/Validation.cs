using NodaTime;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Checks a command's input before it reaches the decider: required fields, known codes, well-formed references.
/// Every problem is collected, so one rejection names them all (code <c>input.invalid</c>).
/// </summary>
public sealed class Validation
{
    private readonly List<string> _problems = [];

    public bool Failed => _problems.Count > 0;

    public IReadOnlyList<string> Problems => _problems;

    public void Problem(string message) => _problems.Add(message);

    public string Text(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _problems.Add($"缺少{label}（{field}）");
            return "";
        }

        return value.Trim();
    }

    public LocalDate Date(LocalDate? value, string field, string label)
    {
        if (value is null)
        {
            _problems.Add($"缺少{label}（{field}，格式 YYYY-MM-DD）");
            return default;
        }

        return value.Value;
    }

    public T Code<T>(CodeTable<T> table, string? value, string field, string label) where T : struct, Enum
    {
        if (table.TryParse(value, out var parsed))
        {
            return parsed;
        }

        _problems.Add(string.IsNullOrWhiteSpace(value)
            ? $"缺少{label}（{field}）"
            : $"{label}“{value}”无效（{field} 应为 {string.Join("、", table.Codes)} 之一）");
        return default;
    }

    public T? OptionalCode<T>(CodeTable<T> table, string? value, string field, string label) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null : Code(table, value, field, label);

    /// <summary>
    /// A reference number: unique within the agency; printable, no slashes (it appears in URLs), nothing invisible
    /// (a zero-width space would make a second “2026-001” that looks like the first). Kept as typed: court and agency
    /// numbers are written with full-width brackets (（2025）样行初1号), and a reference is its stream's identity.
    /// </summary>
    public string Reference(string? value, string field = "request", string label = "申请编号")
    {
        var text = Text(value, field, label);
        if (text.Length > 0 && (text.Length > 64 || text.Any(c => char.IsControl(c) || InputBounds.Invisible(c) || c is '/' or '\\' or '?' or '#')))
        {
            _problems.Add($"{label}“{new string([.. text.Where(c => !char.IsControl(c) && !InputBounds.Invisible(c))])}”无效：最长 64 个字符，不能包含 / \\ ? #、控制字符或不可见字符");
        }

        return text;
    }

    public CommandOutcome Rejection() =>
        new CommandOutcome.Rejected(Guid.Empty, 0, "input.invalid", "输入有误：" + string.Join("；", _problems) + "。", RejectionKind.Rule);
}
