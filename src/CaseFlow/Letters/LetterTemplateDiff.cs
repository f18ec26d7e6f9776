namespace CaseFlow.Letters;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>One line of a comparison between two versions of a template.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>What changed between two versions of a template, line by line (the longest common subsequence kept).</summary>
public static class LetterTemplateDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        // common[i, j]: the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add(new DiffLine(DiffKind.Same, a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[x++])); // what went, before what came
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        return lines;
    }
}
