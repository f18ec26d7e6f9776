using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Infrastructure;

/// <summary>
/// The stable code of each value of an enum, written out explicitly: codes are what is stored and exchanged (the import
/// contract, the API, event data), so renaming an enum member can never change them.
/// </summary>
public sealed class CodeTable<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _codes;
    private readonly Dictionary<string, TEnum> _values;

    public CodeTable(params (TEnum Value, string Code)[] entries)
    {
        _codes = entries.ToDictionary(e => e.Value, e => e.Code);
        _values = entries.ToDictionary(e => e.Code, e => e.Value, StringComparer.Ordinal);
        var missing = Enum.GetValues<TEnum>().Where(v => !_codes.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TEnum).Name} has no code for {string.Join(", ", missing)}.");
        }
    }

    public IReadOnlyCollection<string> Codes => _values.Keys;

    public IReadOnlyList<TEnum> Values => [.. _codes.Keys];

    public string Code(TEnum value) => _codes[value];

    public bool TryParse(string? code, out TEnum value) => _values.TryGetValue(code ?? "", out value);

    /// <summary>For codes that come from CaseFlow's own tables (never from input): an unknown code is a bug.</summary>
    public TEnum Parse(string code) => _values.TryGetValue(code, out var value) ? value : throw new ArgumentException($"Unknown {typeof(TEnum).Name} code '{code}'.", nameof(code));

    public JsonConverter<TEnum> Converter() => new CodeConverter(this);

    private sealed class CodeConverter(CodeTable<TEnum> table) : JsonConverter<TEnum>
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var code = reader.GetString();
            return table.TryParse(code, out var value) ? value : throw new JsonInputException($"“{code}”不是可用的代码（可用：{string.Join("、", table.Codes)}）");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(table.Code(value));
    }
}
