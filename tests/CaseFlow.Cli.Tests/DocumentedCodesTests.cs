using System.Text.RegularExpressions;
using CaseFlow.Testing;

namespace CaseFlow.Cli.Tests;

/// <summary>
/// docs/cli.md lists every error code: a code written anywhere in the source (a rejection, a ProblemDetails, a CLI
/// line) and missing from the document fails here, so an operator never meets a code nobody explained.
/// </summary>
public sealed partial class DocumentedCodesTests
{
    /// <summary>Dotted names in the source that are not error codes: projections, tables, cookies, demo sign-in names, field paths.</summary>
    private static readonly string[] s_notCodes =
    [
        "requests.files", "reporting.cases", "reporting.annual-reports", "reporting.disclosure-stats", "reporting.restatement-watch",
        "agencies.directory", "letters.numbering", "users.accounts", "deadlines.calendar-years", "cf.users", "cf.notifications",
        "caseflow.session", "caseflow.antiforgery", "caseflow.payload-hash", "applicant.name", "applicant.type",
        "li.na", "chen.jing", "wang.qiang", "zhao.min", "gov.report",
    ];

    [Fact]
    public void Every_code_in_the_source_is_listed_in_docs_cli_md()
    {
        var root = TestDatabase.RepositoryRoot();
        var document = File.ReadAllText(Path.Combine(root, "docs", "cli.md"));
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains(Path.Combine("Internal", "Generated"))); // Wolverine's generated handlers

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in QuotedCode().Matches(text))
            {
                codes.Add(m.Groups["code"].Value);
            }

            foreach (Match m in LeadingCode().Matches(text))
            {
                codes.Add(m.Groups["code"].Value);
            }
        }

        codes.ExceptWith(s_notCodes);
        codes.Count.ShouldBeGreaterThan(150); // the scan found the codes (it would pass vacuously on none)
        codes.Where(c => !document.Contains($"`{c}`", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>A code as a string of its own: <c>"request.not-found"</c>.</summary>
    [GeneratedRegex("\"(?<code>[a-z]+\\.[a-z][a-z0-9-]*[a-z0-9])\"")]
    private static partial Regex QuotedCode();

    /// <summary>A code leading a message: <c>$"usage.option-missing: …"</c>, <c>"warning: input.empty: …"</c>.</summary>
    [GeneratedRegex("\\$?\"(warning: )?(?<code>[a-z]+\\.[a-z][a-z0-9-]*[a-z0-9]): ")]
    private static partial Regex LeadingCode();
}
