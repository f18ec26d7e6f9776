using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CaseFlow.Letters.Numbering;

/// <summary>A number of the agency's yearly sequence taken by a letter: 〔year〕sequence号, for that request's letter.</summary>
public sealed record LetterNumberTaken(int Year, int Sequence, string Request, LetterKind Kind);

/// <summary>The agency's sequence of letter numbers for one year (an inline document, one per agency and year).</summary>
public sealed record LetterNumbering
{
    public static readonly LetterNumbering Initial = new();

    public Guid Id { get; init; }
    public int Year { get; init; }
    public int Last { get; init; }

    public static LetterNumbering Evolve(LetterNumbering state, object e) => e switch
    {
        LetterNumberTaken t => state with { Year = t.Year, Last = Math.Max(state.Last, t.Sequence) },
        _ => state,
    };
}

public sealed class LetterNumberingProjection : SingleStreamProjection<LetterNumbering, Guid>
{
    public LetterNumberingProjection()
    {
        Name = "letters.numbering";
        IncludeType<LetterNumberTaken>();
    }

    public override LetterNumbering? Evolve(LetterNumbering? snapshot, Guid id, IEvent e) => LetterNumbering.Evolve(snapshot ?? LetterNumbering.Initial with { Id = id }, e.Data);
}

/// <summary>
/// 文号: the agency's prefix (文书设置; its name when none is set), the year in 六角括号 and the sequence, as GB/T 9704
/// §7.2.4 writes it: 聊卫公开〔2026〕12号. The sequence never repeats within a year: each number is an event on the
/// agency-year stream, taken in the transaction that issues the letter.
/// </summary>
public static class LetterNumbers
{
    /// <summary>Where the sequence is still to be taken (a draft), the number is left blank for the issue to fill.</summary>
    public const string Blank = "　";

    public static string Format(string prefix, int year, int? sequence) =>
        $"{prefix}〔{year}〕{(sequence is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Blank)}号";

    /// <summary>The next number of the year: the sequence's stream decided first, so the letter's own decision can read it.</summary>
    public static StreamDecider Take(string agency, int year, string reference, LetterKind kind, Action<int> taken) =>
        StreamDecider.For(StreamIds.LetterNumbers(agency, year), StreamRule.MayExist, LetterNumbering.Initial, state =>
        {
            var next = state.Last + 1;
            taken(next);
            return Decision.Accept(new LetterNumberTaken(year, next, reference, kind));
        }) with
        { DecideOrder = -1 };
}
