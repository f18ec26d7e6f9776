namespace CaseFlow.Documents;

/// <summary>
/// Measuring and breaking Chinese text the way a typesetter of 公文 does: a Chinese character is one em, Latin letters,
/// digits and half-width punctuation half an em.
/// </summary>
public static class OfficialText
{
    /// <summary>The width of <paramref name="text"/> in ems (full-width characters).</summary>
    public static double Width(string text)
    {
        var width = 0.0;
        foreach (var ch in text)
        {
            width += IsHalfWidth(ch) ? 0.5 : 1.0;
        }

        return width;
    }

    public static bool IsHalfWidth(char ch) => ch < 0x2E80 || ch is >= '\uFF61' and <= '\uFFDC';

    /// <summary>
    /// Breaks a title into the fewest lines of at most <paramref name="maxEms"/> with lengths as even as possible
    /// (GB/T 9704 §7.3.3: "回行时，要做到词意完整，排列对称，长短适宜"), preferring the <paramref name="preferredBreaks"/>
    /// (offsets where a phrase ends) and never breaking inside a run of digits or Latin letters, nor before closing
    /// punctuation. A title that fits stays on one line.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(string title, double maxEms, IReadOnlyCollection<int>? preferredBreaks = null)
    {
        if (Width(title) <= maxEms || title.Length < 2)
        {
            return [title];
        }

        var preferred = preferredBreaks ?? [];
        var lines = (int)Math.Ceiling(Width(title) / maxEms);
        while (true)
        {
            var best = Best(title, lines, maxEms, preferred);
            if (best is not null)
            {
                return best;
            }

            lines++; // no break of this many lines fits (unbreakable runs): allow one more line
        }
    }

    private static string[]? Best(string title, int lines, double maxEms, IReadOnlyCollection<int> preferred)
    {
        var n = title.Length;
        var target = Width(title) / lines;
        // cost[k, i]: the cheapest way to set title[..i] in k lines; from[k, i]: where its last line starts.
        var cost = new double[lines + 1, n + 1];
        var from = new int[lines + 1, n + 1];
        for (var k = 0; k <= lines; k++)
        {
            for (var i = 0; i <= n; i++)
            {
                cost[k, i] = double.PositiveInfinity;
            }
        }

        cost[0, 0] = 0;
        for (var k = 1; k <= lines; k++)
        {
            for (var i = 1; i <= n; i++)
            {
                if (i < n && !CanBreak(title, i))
                {
                    continue;
                }

                for (var j = i - 1; j >= 0; j--)
                {
                    var width = Width(title[j..i]);
                    if (width > maxEms)
                    {
                        break;
                    }

                    if (double.IsPositiveInfinity(cost[k - 1, j]))
                    {
                        continue;
                    }

                    // Even lines; where the caller knows the phrases, a break inside one costs more than lines
                    // two ems apart (词意完整 before 长短适宜).
                    var penalty = (width - target) * (width - target) + (i < n && preferred.Count > 0 && !preferred.Contains(i) ? 5 : 0);
                    if (cost[k - 1, j] + penalty < cost[k, i])
                    {
                        cost[k, i] = cost[k - 1, j] + penalty;
                        from[k, i] = j;
                    }
                }
            }
        }

        if (double.IsPositiveInfinity(cost[lines, n]))
        {
            return null;
        }

        var result = new string[lines];
        for (int k = lines, end = n; k > 0; k--)
        {
            var start = from[k, end];
            result[k - 1] = title[start..end];
            end = start;
        }

        return result;
    }

    /// <summary>Whether a line may end before <c>text[i]</c>.</summary>
    private static bool CanBreak(string text, int i)
    {
        var before = text[i - 1];
        var after = text[i];
        if (char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after))
        {
            return false;
        }

        return "，。、；：？！）》」』”’〕】".IndexOf(after, StringComparison.Ordinal) < 0
            && "（《「『“‘〔【".IndexOf(before, StringComparison.Ordinal) < 0;
    }
}
