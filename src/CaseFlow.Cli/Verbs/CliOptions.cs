using System.CommandLine;
using System.CommandLine.Parsing;
using CaseFlow.Reporting;
using NodaTime;
using NodaTime.Text;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// The options several verbs share, each with its help in English and Chinese and its own parser, so a bad value is
/// refused with a stable code, what was received and the values allowed, never System.CommandLine's text naming a .NET type.
/// </summary>
internal static class CliOptions
{
    public static Option<string> Agency(string description = "The agency's code. 单位代码。") =>
        new("--agency") { Description = description, Required = true };

    /// <summary>A report year: four digits from the first report year on (the upper bound, today's year, is checked by the verb).</summary>
    public static Option<int> Year() => new("--year")
    {
        Description = $"The report year ({ReportYears.First} on). 报告年度。",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year >= ReportYears.First && year <= 9999)
            {
                return year;
            }

            result.AddError($"input.invalid-year: --year 应为 {ReportYears.First} 年起的四位数年份（收到的是 {text}）");
            return 0;
        },
    };

    /// <summary>A date option of the contract's form, <c>YYYY-MM-DD</c>.</summary>
    public static Option<LocalDate?> Date(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            result.AddError($"input.invalid-date: {name} 日期格式应为 YYYY-MM-DD，且是日历上有的日子（收到的是 {text}）");
            return null;
        },
    };

    /// <summary>An option taking one of a fixed list of codes; anything else is refused with the list.</summary>
    public static Option<string> OneOf(string name, string description, string defaultValue, IReadOnlyList<string> allowed, string code = "input.invalid-value")
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} ({string.Join(", ", allowed)}; default {defaultValue}).",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result => Check(result, name, allowed, code));
        return option;
    }

    public static Option<string> Format(IReadOnlyList<string> allowed, string defaultValue) =>
        OneOf("--format", "Output format. 输出格式", defaultValue, allowed, "input.invalid-format");

    private static void Check(OptionResult result, string name, IReadOnlyList<string> allowed, string code)
    {
        foreach (var token in result.Tokens)
        {
            if (!allowed.Contains(token.Value))
            {
                result.AddError($"{code}: {name} 应为 {string.Join("、", allowed)} 之一（收到的是 {token.Value}）");
            }
        }
    }
}
