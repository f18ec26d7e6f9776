using CaseFlow.Letters;

namespace CaseFlow.Tests.Letters;

/// <summary>The template editor's language: 【申请人】 or {{applicant}}, unknown fields named, and what a save changed.</summary>
public sealed class LetterPlaceholderTests
{
    [Fact]
    public void A_field_is_written_in_chinese_or_by_its_code_and_an_unknown_one_is_named_once_as_written()
    {
        LetterPlaceholders.Unknown("【申请人】：{{applicant}}于【申请日期】提出，{{foo}}，又见【申请日期】。").ShouldBe(["【申请日期】", "{{foo}}"]);
        LetterPlaceholders.Fill("【申请人】、{{ applicant }}、【机关名称】、【申请日期】", new Dictionary<string, string> { ["applicant"] = "张三" })
            .ShouldBe("张三、张三、【机关名称】、【申请日期】"); // a field without a value stays visible
    }

    [Fact]
    public void Every_default_template_names_only_known_fields()
    {
        foreach (var (key, body) in LetterTemplates.Defaults)
        {
            LetterPlaceholders.Unknown(body).ShouldBeEmpty(key);
        }
    }

    [Fact]
    public void The_changes_from_the_previous_version_keep_the_common_lines_and_show_what_went_before_what_came()
    {
        // a b c d → a c x d: "b" went; "x" came between c and d.
        LetterTemplateDiff.Lines("a\nb\nc\nd", "a\nc\nx\nd").ShouldBe(
        [
            new DiffLine(DiffKind.Same, "a"), new DiffLine(DiffKind.Removed, "b"), new DiffLine(DiffKind.Same, "c"),
            new DiffLine(DiffKind.Added, "x"), new DiffLine(DiffKind.Same, "d"),
        ]);
        // A line changed in place: the old one struck out, then the new.
        LetterTemplateDiff.Lines("特此告知。", "特此函告。").ShouldBe([new DiffLine(DiffKind.Removed, "特此告知。"), new DiffLine(DiffKind.Added, "特此函告。")]);
    }
}
