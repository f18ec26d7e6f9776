using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Testing;
using CaseFlow.Tests.Support;

namespace CaseFlow.Tests.Integration;

/// <summary>
/// The bad-input battery over every import command: each field of each command's line given values of the wrong kind.
/// Every such line is refused with a code and a message that names no .NET type, and nothing throws.
/// </summary>
public sealed partial class ImportBatteryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly string[] s_wrongValues = ["5", "-1", "99999999999999999999999", "true", "\"text\"", "\"2026-13-45\"", "\"\\u0000\"", "{}", "[1,2]", "null"];

    [Fact]
    public void Every_command_of_the_documented_import_contract_is_in_the_battery()
    {
        var cli = File.ReadAllText(Path.Combine(TestDatabase.RepositoryRoot(), "docs", "cli.md"));
        var table = cli[cli.IndexOf("| `register-agency`", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var documented = CommandRow().Matches(table).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        documented.Count.ShouldBe(30);
        JsonlImport.CommandBodies.Keys.Order(StringComparer.Ordinal).ShouldBe(documented);
    }

    [Fact]
    public async Task Every_field_of_every_command_given_a_wrong_value_never_throws_and_each_refusal_has_a_code_and_names_no_internal_type()
    {
        await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 1, """{"command":"register-agency","agency":"battery","name":"输入测试局"}""", default);
        await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 2, """{"command":"receive","agency":"battery","request":"B-1","receivedOn":"2026-06-01","channel":"online","applicant":{"type":"natural-person","name":"张三"}}""", default);

        var refused = 0;
        var number = 3;
        foreach (var (command, body) in JsonlImport.CommandBodies)
        {
            foreach (var property in body.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (name is "agency" or "command")
                {
                    continue;
                }

                foreach (var value in s_wrongValues)
                {
                    var line = name == "request"
                        ? $$"""{"command":"{{command}}","agency":"battery","request":{{value}}}"""
                        : $$"""{"command":"{{command}}","agency":"battery","request":"B-1","{{name}}":{{value}}}""";
                    var result = await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), number++, line, default);
                    if (result.Status != ImportLineStatus.Rejected)
                    {
                        continue;
                    }

                    refused++;
                    result.Code.ShouldNotBeNullOrWhiteSpace(line);
                    result.Message.ShouldNotBeNullOrWhiteSpace(line);
                    foreach (var internalName in new[] { "System.", "CaseFlow.", "NodaTime.", "Microsoft.", "Exception" })
                    {
                        result.Message.ShouldNotContain(internalName, Case.Sensitive, $"{line} → {result.Message}");
                    }

                    TypeName().IsMatch(result.Message).ShouldBeFalse($"{line} → {result.Message}");
                }
            }
        }

        refused.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task A_line_that_names_a_field_twice_is_refused_not_read_either_way()
    {
        var result = await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 1, """{"command":"register-agency","agency":"battery-dup","name":"甲局","name":"乙局"}""", default);

        result.Status.ShouldBe(ImportLineStatus.Rejected);
        result.Code.ShouldBe("input.not-json");
        result.Message!.ShouldContain("重复");
    }

    [GeneratedRegex(@"^\| `([a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CommandRow();

    // A .NET type as the serializer would name it (ReceiveRequestBody, LocalDate, Int32), never a camel-case field name.
    [GeneratedRegex(@"\b(?:[A-Z][a-z]+){1,}(?:Body|Date|Int32|Int64|String|Boolean|Decimal)\b")]
    private static partial Regex TypeName();
}
