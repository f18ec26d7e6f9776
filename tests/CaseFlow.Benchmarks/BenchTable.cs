using System.Globalization;

namespace CaseFlow.Benchmarks;

/// <summary>One measured workload: CaseFlow's figure beside the plain-Npgsql figure from the same run.</summary>
internal sealed record BenchRow(string Workload, string Unit, double CaseFlow, double? Plain, double? Target, bool HigherIsBetter = true)
{
    public double? Ratio => Plain is > 0 ? HigherIsBetter ? CaseFlow / Plain : Plain / CaseFlow : null;

    public string Verdict => (Target, Ratio) switch
    {
        ({ } target, { } ratio) => ratio >= target ? "ok" : "BELOW TARGET",
        _ => "",
    };
}

/// <summary>Prints benchmark rows as a Markdown table (so it can go straight into the README).</summary>
internal static class BenchTable
{
    public static void Write(TextWriter output, string title, string machine, IReadOnlyList<BenchRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"## {title}");
        output.WriteLine();
        output.WriteLine($"Machine: {machine}");
        output.WriteLine();
        var table = new List<string[]> { new[] { "workload", "unit", "CaseFlow", "plain Npgsql", "ratio", "target", "" } };
        foreach (var row in rows)
        {
            table.Add(
            [
                row.Workload,
                row.Unit,
                Format(row.CaseFlow),
                row.Plain is { } plain ? Format(plain) : "–",
                row.Ratio is { } ratio ? ratio.ToString("0.00", inv) : "–",
                row.Target is { } target ? "≥ " + target.ToString("0.0", inv) : "",
                row.Verdict,
            ]);
        }

        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(r => r[c].Length)).ToArray();
        for (var i = 0; i < table.Count; i++)
        {
            output.WriteLine("| " + string.Join(" | ", table[i].Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }

        output.WriteLine();
    }

    private static string Format(double value) =>
        value >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.00", CultureInfo.InvariantCulture);
}
