using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Bounds every write's input before any use case sees it (API bodies, form fields, import lines): how long a text may
/// be, how many items a list may hold, and which characters can never be stored — C0 controls other than line breaks
/// and tabs, and the bidirectional overrides that make a name display as something else. One officer's paste must not
/// make an agency's worklist slow or unreadable for ever.
/// </summary>
public static class InputBounds
{
    /// <summary>The largest API body or import line accepted.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Items of one list at most (clarification items, answered items, consultation parties …).</summary>
    public const int MaxItems = 100;

    /// <summary>A holiday notice file (the shipped one, eight years, is under 5,000 characters).</summary>
    public const int MaxCalendarChars = 100_000;

    /// <summary>Any text without a limit of its own (subjects, reasons, notes).</summary>
    public const int MaxText = 2000;

    // Fields shown in lists and letters get tighter limits: a name is a name, not a paragraph.
    private static readonly Dictionary<string, int> s_limits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["request"] = 64,
        ["case"] = 64,
        ["agency"] = 64,
        ["parent"] = 64,
        ["officer"] = 64,
        ["user"] = 64,
        ["command"] = 64,
        ["name"] = 200,
        ["displayName"] = 100,
        ["reviewBody"] = 200,
        ["court"] = 200,
        ["approvedBy"] = 100,
        ["party"] = 64,
        ["idNumber"] = 32,
        ["phone"] = 32,
        ["email"] = 254,
        ["postalCode"] = 16,
        ["address"] = 300,
        ["capacity"] = 100,
        ["body"] = 50_000,
        ["calendar"] = MaxCalendarChars,
        ["channel"] = 64,
        ["type"] = 64,
        ["outcome"] = 64,
        ["result"] = 64,
        ["kind"] = 64,
        ["requestedForm"] = 100,
    };

    /// <summary>The first problem of a JSON value (a body or an import line), or null when it is within bounds.</summary>
    public static InputProblem? Check(JsonNode? node, string path = "") => node switch
    {
        JsonObject obj => obj.Select(p => Check(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")).FirstOrDefault(p => p is not null),
        JsonArray array => array.Count > MaxItems
            ? new InputProblem("input.too-many", $"{Label(path)}最多 {MaxItems} 项（收到 {array.Count} 项）。")
            : array.Select(item => Check(item, path)).FirstOrDefault(p => p is not null),
        JsonValue value when value.TryGetValue<string>(out var text) => CheckText(path, text),
        _ => null,
    };

    /// <summary>The problem of one text field (named <paramref name="field"/>, its JSON or form name), or null.</summary>
    public static InputProblem? CheckText(string field, string text)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        var limit = s_limits.GetValueOrDefault(name, MaxText);
        if (text.Length > limit)
        {
            return new InputProblem("input.too-long", $"{Label(field)}最长 {limit} 个字符（收到 {text.Length} 个）。");
        }

        foreach (var c in text)
        {
            if (Forbidden(c))
            {
                return new InputProblem("input.forbidden-character", $"{Label(field)}含有不能保存的字符 U+{(int)c:X4}（控制字符或文字方向控制符）。");
            }
        }

        return null;
    }

    /// <summary>Characters never stored: C0 controls and DEL (line breaks and tabs aside), bidi embeddings, overrides and isolates.</summary>
    public static bool Forbidden(char c) =>
        (c < 0x20 && c is not ('\n' or '\r' or '\t')) || c == 0x7F || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Invisible characters that have no place in an identifier (Unicode Cf: zero-width spaces and joiners, BOM, soft hyphen, the text-direction controls).</summary>
    public static bool Invisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Label(string field) => field.Length == 0 ? "输入" : $"字段 {field} ";
}

/// <summary>Why an input is refused before anything is stored: a stable code and a Chinese message.</summary>
public sealed record InputProblem(string Code, string Message);
