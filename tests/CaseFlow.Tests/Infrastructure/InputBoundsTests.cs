using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Importing;
using CaseFlow.Infrastructure;

namespace CaseFlow.Tests.Infrastructure;

/// <summary>What no input may carry (issue 14, items 9 and 10), on values picked by hand.</summary>
public sealed class InputBoundsTests
{
    private static InputProblem? Check(string json) => InputBounds.Check(JsonNode.Parse(json.Replace('\'', '"')));

    [Fact]
    public void Texts_within_their_bounds_with_line_breaks_pass()
    {
        Check("{'request':'2026-001','applicant':{'name':'张三','phone':'0635-1234567'},'subject':'第一行\\n第二行\\t附表'}").ShouldBeNull();
        Check($"{{'applicant':{{'name':'{new string('李', 200)}'}}}}").ShouldBeNull();
    }

    [Fact]
    public void A_name_of_201_characters_a_phone_of_33_and_a_subject_of_2001_are_too_long()
    {
        Check($"{{'applicant':{{'name':'{new string('李', 201)}'}}}}")!.Code.ShouldBe("input.too-long");
        Check($"{{'applicant':{{'phone':'{new string('1', 33)}'}}}}")!.Message.ShouldContain("applicant.phone");
        Check($"{{'subject':'{new string('文', 2001)}'}}")!.Message.ShouldContain("最长 2000 个字符（收到 2001 个）");
    }

    [Fact]
    public void A_list_of_101_items_is_too_many()
    {
        var items = string.Join(",", Enumerable.Repeat("'补充材料'", 101));
        Check($"{{'items':[{items}]}}")!.Code.ShouldBe("input.too-many");
        Check($"{{'items':[{string.Join(",", Enumerable.Repeat("'补充材料'", 100))}]}}").ShouldBeNull();
    }

    [Theory]
    [InlineData("\\u0000", "U+0000")]
    [InlineData("\\u0007", "U+0007")]
    [InlineData("\\u007f", "U+007F")]
    [InlineData("\\u202e", "U+202E")]
    [InlineData("\\u2066", "U+2066")]
    public void Controls_and_direction_overrides_are_refused_in_a_name(string escape, string named)
    {
        var problem = Check($"{{'applicant':{{'name':'张{escape}三'}}}}")!;
        problem.Code.ShouldBe("input.forbidden-character");
        problem.Message.ShouldContain(named);
    }

    [Fact]
    public void A_reference_is_kept_as_typed_with_its_full_width_brackets_and_invisible_characters_are_refused()
    {
        var validation = new Validation();
        validation.Reference("（2025）样行初1号", "case", "案件编号").ShouldBe("（2025）样行初1号");
        validation.Failed.ShouldBeFalse();

        var invisible = new Validation();
        invisible.Reference("2026\u200b-001");
        invisible.Failed.ShouldBeTrue();
    }
}

/// <summary>An import file that is not UTF-8 is refused before its first line, naming what it looks like.</summary>
public sealed class ImportFileEncodingTests
{
    private const string Line = "{\"command\":\"receive\",\"agency\":\"a\",\"request\":\"1\",\"applicant\":{\"type\":\"natural-person\",\"name\":\"张三\"},\"subject\":\"医疗机构执业许可\"}\n";

    private static MemoryStream Bytes(params byte[][] parts) => new([.. parts.SelectMany(p => p)]);

    [Fact]
    public void A_utf8_file_passes()
    {
        Should.NotThrow(() => ImportFileEncoding.Check(Bytes(Encoding.UTF8.GetBytes(Line + Line)), ImportEncoding.Utf8, "ok.jsonl"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\n\nb\n", 3)]
    public void The_check_counts_the_lines_as_a_line_reader_does(string text, long lines)
    {
        ImportFileEncoding.Check(Bytes(Encoding.UTF8.GetBytes(text)), ImportEncoding.Utf8, "count.jsonl").ShouldBe(lines);
    }

    [Fact]
    public void A_gbk_file_is_refused_as_gbk_with_the_line_and_the_command_to_convert_it()
    {
        var gbk = ImportFileEncoding.Gb18030.GetBytes(Line);
        // Line 1 is plain ASCII in both encodings; the GBK bytes begin on line 2.
        var file = Bytes(Encoding.ASCII.GetBytes("{\"command\":\"register-agency\",\"agency\":\"a\",\"name\":\"x\"}\n"), gbk);
        var refused = Should.Throw<ImportEncodingException>(() => ImportFileEncoding.Check(file, ImportEncoding.Utf8, "gbk.jsonl"));
        refused.Code.ShouldBe("input.not-utf8");
        refused.Message.ShouldContain("第 2 行");
        refused.Message.ShouldContain("GBK/GB18030");
        refused.Message.ShouldContain("iconv -f GB18030 -t UTF-8");

        // Read as GBK when asked, the same file is valid.
        Should.NotThrow(() => ImportFileEncoding.Check(Bytes(gbk), ImportEncoding.Gb18030, "gbk.jsonl"));
    }

    [Fact]
    public void A_utf16_file_is_named_as_such_and_a_file_cut_inside_a_character_is_truncated()
    {
        var utf16 = Should.Throw<ImportEncodingException>(() => ImportFileEncoding.Check(Bytes(Encoding.Unicode.GetPreamble(), Encoding.Unicode.GetBytes(Line)), ImportEncoding.Utf8, "u16.jsonl"));
        utf16.Message.ShouldContain("UTF-16");

        // 张 is three bytes in UTF-8 (E5 BC A0): a file ending after two of them is cut short.
        var cut = Bytes(Encoding.UTF8.GetBytes("{\"name\":\""), [0xE5, 0xBC]);
        Should.Throw<ImportEncodingException>(() => ImportFileEncoding.Check(cut, ImportEncoding.Utf8, "cut.jsonl")).Code.ShouldBe("input.truncated");
    }
}
