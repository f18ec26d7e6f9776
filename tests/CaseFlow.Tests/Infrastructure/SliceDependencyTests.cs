using System.Text.RegularExpressions;
using CaseFlow.Testing;

namespace CaseFlow.Tests.Infrastructure;

/// <summary>
/// The slices of src/CaseFlow depend on each other in one direction only (Letters and Reviews know Requests, never the
/// reverse). Read from the source: a <c>using</c> of another slice (unused usings fail the build, so each is a real
/// dependency) or a name qualified by it. Infrastructure is the composition root and is left out.
/// </summary>
public sealed partial class SliceDependencyTests
{
    private static readonly string[] s_slices =
        ["Agencies", "Deadlines", "Importing", "Letters", "Notifications", "Reminders", "Reporting", "Requests", "Reviews", "Users"];

    /// <summary>The intended layering: each slice and the slices it may know.</summary>
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["Deadlines"] = [],
        ["Agencies"] = [],
        ["Users"] = [],
        ["Requests"] = ["Deadlines", "Agencies", "Users"],
        ["Letters"] = ["Requests", "Deadlines", "Agencies", "Users"],
        ["Reviews"] = ["Requests", "Deadlines", "Agencies", "Users"],
        ["Reporting"] = ["Requests", "Reviews", "Deadlines", "Agencies", "Users"],
        ["Notifications"] = ["Users"],
        ["Reminders"] = ["Requests", "Reviews", "Reporting", "Notifications", "Deadlines", "Agencies", "Users"],
        ["Importing"] = ["Requests", "Reviews", "Reporting", "Agencies", "Deadlines", "Users"],
    };

    [Fact]
    public void Every_slice_knows_only_the_slices_below_it()
    {
        var found = Dependencies();
        var unexpected = found
            .SelectMany(pair => pair.Value.Where(other => !s_allowed[pair.Key].Contains(other)).Select(other => $"{pair.Key} → {other}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        unexpected.ShouldBeEmpty();
    }

    [Fact]
    public void The_layering_itself_has_no_cycle()
    {
        // Depth-first over the allowed edges: a slice met again on the current path is a cycle.
        var onPath = new HashSet<string>();
        var done = new HashSet<string>();
        bool Cyclic(string slice)
        {
            if (done.Contains(slice))
            {
                return false;
            }

            if (!onPath.Add(slice))
            {
                return true;
            }

            var cyclic = s_allowed[slice].Any(Cyclic);
            onPath.Remove(slice);
            done.Add(slice);
            return cyclic;
        }

        s_slices.Where(Cyclic).ShouldBeEmpty();
        s_allowed.Keys.Order(StringComparer.Ordinal).ShouldBe(s_slices);
    }

    [Fact]
    public void The_reader_finds_both_kinds_of_reference()
    {
        // A check of the check: the two spellings it must catch, and a member access it must not.
        Referenced("using CaseFlow.Reviews;\nnamespace CaseFlow.Requests;", "Requests").ShouldBe(["Reviews"]);
        Referenced("var x = Letters.LetterKinds.Label(k); var y = CaseFlow.Reporting.CountingPolicies.Default;", "Requests")
            .Order(StringComparer.Ordinal).ShouldBe(["Letters", "Reporting"]);
        Referenced("state.Letters.Add(l); return Requests.Request.Initial;", "Requests").ShouldBeEmpty();
    }

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var source = Path.Combine(TestDatabase.RepositoryRoot(), "src", "CaseFlow");
        var result = s_slices.ToDictionary(s => s, _ => new HashSet<string>());
        foreach (var slice in s_slices)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, slice), "*.cs", SearchOption.AllDirectories))
            {
                result[slice].UnionWith(Referenced(File.ReadAllText(file), slice));
            }
        }

        result.Values.Sum(s => s.Count).ShouldBeGreaterThan(10, "the reader found almost no dependencies: is it reading the source?");
        return result;
    }

    private static IEnumerable<string> Referenced(string code, string self)
    {
        var withoutComments = Comments().Replace(code, "");
        return Reference().Matches(withoutComments)
            .Select(m => m.Groups["full"].Success ? m.Groups["full"].Value : m.Groups["short"].Value)
            .Where(name => name != self && s_slices.Contains(name))
            .Distinct();
    }

    // "CaseFlow.X" anywhere, or "X.Type" not preceded by a member access (state.Letters.Add is a property).
    [GeneratedRegex(@"\bCaseFlow\.(?<full>[A-Z]\w*)|(?<![\.\w])(?<short>[A-Z]\w*)\.[A-Z]\w*")]
    private static partial Regex Reference();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
