using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Dates as the contract writes them, <c>YYYY-MM-DD</c>, the same text NodaTime's own converter reads and writes; a date
/// of another form is refused with what was received (<c>input.invalid-date</c>), which the library's converter cannot say.
/// </summary>
public sealed class IsoDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var received = reader.TokenType switch
            {
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => reader.TokenType == JsonTokenType.StartObject ? "一个对象" : reader.TokenType == JsonTokenType.StartArray ? "一个列表" : "其他值",
            };
            throw new JsonInputException($"日期应为 \"YYYY-MM-DD\" 形式的文字（收到的是 {received}）", "input.invalid-date");
        }

        var text = reader.GetString()!;
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new JsonInputException($"日期格式应为 YYYY-MM-DD，且是日历上有的日子（收到的是 {Shorten(text)}）", "input.invalid-date");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
