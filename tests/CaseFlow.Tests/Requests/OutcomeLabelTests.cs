using CaseFlow.Requests;

namespace CaseFlow.Tests.Requests;

/// <summary>The report prints the official labels with their counting notes; screens, histories and letters do not.</summary>
public sealed class OutcomeLabelTests
{
    [Fact]
    public void Partial_disclosure_reads_without_the_report_s_counting_note_on_screens_and_with_it_in_the_report()
    {
        var partial = OutcomeRows.Of(Outcome.PartiallyDisclosed);
        partial.FullLabel.ShouldBe("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        partial.Name.ShouldBe("（二）部分公开");
        partial.GroupName.ShouldBe("（二）部分公开");
    }

    [Fact]
    public void Rows_without_a_note_read_the_same_everywhere()
    {
        OutcomeRows.Of(Outcome.RefusedStateSecret).Name.ShouldBe("（三）不予公开 1.属于国家秘密");
        OutcomeRows.Of(Outcome.Disclosed).Name.ShouldBe("（一）予以公开");
        OutcomeRows.All.Where(r => r.Outcome != Outcome.PartiallyDisclosed).ShouldAllBe(r => r.Name == r.FullLabel);
        OutcomeRows.All.ShouldAllBe(r => !r.Name.Contains("只计"));
    }
}
