using System.CommandLine;
using System.CommandLine.Parsing;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// A command line that does not parse, told in Chinese with a stable code per problem (System.CommandLine's own
/// messages are English and partly translated): a missing verb, option or argument, an unknown word, and the values our
/// option parsers refused (which carry their own code).
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse, Func<string, bool> isCoded)
    {
        var command = parse.CommandResult.Command;
        var hint = $"（用法：{Usage(parse.CommandResult)} --help）";
        var lines = new List<string>();
        // An unknown word where the verb should be is that verb misspelt: one line, not two.
        if (command.Subcommands.Count > 0 && command.Action is null && parse.UnmatchedTokens.Count == 0)
        {
            lines.Add($"usage.command-missing: 请给出命令：{string.Join("、", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}{hint}");
        }

        foreach (var argument in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && parse.GetResult(a) is not { Tokens.Count: > 0 }))
        {
            lines.Add($"usage.argument-missing: 缺少参数 <{argument.Name}>：{argument.Description}{hint}");
        }

        foreach (var option in command.Options.Where(o => o.Required && parse.GetResult(o) is null or { Implicit: true }))
        {
            lines.Add($"usage.option-missing: 缺少必需的选项 {option.Name}：{option.Description}{hint}");
        }

        foreach (var token in parse.UnmatchedTokens)
        {
            lines.Add($"usage.unknown-argument: 无法识别的命令、选项或参数“{token}”{hint}");
        }

        foreach (var error in parse.Errors.Select(e => e.Message.Trim()))
        {
            if (isCoded(error))
            {
                lines.Add(error + hint);
            }
        }

        // A problem of a kind not named above (a value given twice, say) is still reported, in the library's words.
        if (lines.Count == 0)
        {
            lines.AddRange(parse.Errors.Select(e => $"usage.invalid: 命令行有误（{e.Message.Trim()}）{hint}"));
        }

        return lines;
    }

    private static string Usage(SymbolResult result)
    {
        var names = new List<string>();
        for (var current = result as CommandResult; current is not null; current = current.Parent as CommandResult)
        {
            if (current.Command is not RootCommand)
            {
                names.Insert(0, current.Command.Name);
            }
        }

        return string.Join(' ', ["ops/caseflow", .. names]);
    }
}
