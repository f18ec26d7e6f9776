using NodaTime;

namespace CaseFlow.Deadlines;

/// <summary>The days on which the laws the clocks count by took effect.</summary>
public static class Statutes
{
    /// <summary>The revised Administrative Review Law (行政复议法, 2023) applies to cases filed from this day.</summary>
    public static readonly LocalDate Arl2023InForce = new(2024, 1, 1);
}
