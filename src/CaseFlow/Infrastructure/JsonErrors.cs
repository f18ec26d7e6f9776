using System.Text.Json;

namespace CaseFlow.Infrastructure;

/// <summary>
/// A value that CaseFlow's own JSON converters refuse, with a message meant for the person who sent it and the stable
/// code an import line is rejected with.
/// </summary>
public sealed class JsonInputException(string message, string code = "input.invalid") : JsonException(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// What a sender is told about JSON that could not be read (API bodies and import lines alike): where, in Chinese, and
/// never the serializer's own text, which names .NET types.
/// </summary>
public static class JsonErrors
{
    /// <summary>The stable code of the failure: the converter's own (<c>input.invalid-date</c>), else <c>input.invalid</c>.</summary>
    public static string Code(JsonException e) => e is JsonInputException own ? own.Code : "input.invalid";

    public static string Describe(JsonException e)
    {
        var field = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : null;
        if (e is JsonInputException own)
        {
            return field is null ? own.Message : $"字段 {field}：{own.Message}";
        }

        if (e.Message.Contains("uplicate", StringComparison.Ordinal))
        {
            var name = System.Text.RegularExpressions.Regex.Match(e.Message, "'([^']{1,100})'").Groups[1].Value;
            return $"字段 {(name.Length > 0 ? name : field)} 重复出现";
        }

        // The reader's own errors (bad syntax) come wrapped, with the position.
        if (e.InnerException is JsonException || (field is null && e.LineNumber is not null && e.BytePositionInLine is not null && e.Path is null))
        {
            return $"不是合法的 JSON（第 {e.LineNumber + 1 ?? 1} 行第 {e.BytePositionInLine + 1 ?? 1} 个字节附近）";
        }

        return field is null ? "内容应为一个 JSON 对象，字段见接口说明" : $"字段 {field} 的值类型或格式不对";
    }
}
