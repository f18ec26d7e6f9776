using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CaseFlow.Reporting;
using CaseFlow.Reporting.Rendering;
using CaseFlow.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static CaseFlow.Tests.Support.Facts;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Tests.Reporting;

/// <summary>The five output formats, each read back: JSON and CSV parsed, HTML parsed, XLSX and DOCX opened and validated.</summary>
public sealed class ReportOutputTests(ReportOutputTests.Fixture fx) : IClassFixture<ReportOutputTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public AppFixture Inner { get; } = new();
        public AnnualReport Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Inner.InitializeAsync();
            var ledger = new Ledger(Inner, "out");
            ledger.Register("输出测试市卫生健康委员会");
            var carried = ledger.Receive(D(2024, 12, 26));
            ledger.Conclude(carried, D(2024, 12, 26), "unable-not-held", D(2025, 1, 9));
            var i = 0;
            foreach (var (type, outcome) in new[]
            {
                ("natural-person", "disclosed"), ("natural-person", "disclosed"), ("commercial-enterprise", "partially-disclosed"),
                ("legal-service-org", "refused-third-party-rights"), ("natural-person", "other-fee-lapsed"), ("research-institution", "not-processed-complaint"),
            })
            {
                var on = D(2025, 3, 3).PlusDays(7 * i++);
                ledger.Conclude(ledger.Receive(on, type), on, outcome, on.PlusDays(60));
            }

            ledger.Receive(D(2025, 12, 29), "other-org");
            ledger.Line(new
            {
                command = "record-disclosure-stats",
                agency = "out",
                year = 2025,
                regulations = new { issued = 0, repealed = 0, inForce = 0 },
                normativeDocuments = new { issued = 3, repealed = 1, inForce = 12 },
                licensing = 40,
                penalties = 12,
                coercion = 2,
                feesWanYuan = 88.381234m, // 883,812.34 yuan: six decimals of 万元, as agencies publish it
            });
            await ledger.ImportAsync();
            Report = (await AnnualReports.ComputeAsync(Inner.App, "out", 2025, false)).ShouldNotBeNull();
        }

        public Task DisposeAsync() => Inner.DisposeAsync();
    }

    private AnnualReport Report => fx.Report;

    private Task<RenderedReport> RenderAsync(string format) => ReportOutput.RenderAsync(fx.Inner.App, Report, format, default);

    [Fact]
    public void The_report_under_test_has_every_kind_of_row_filled_and_passes_its_checks()
    {
        Report.Table3[ReportLayout.Received, ReportLayout.Total].ShouldBe(7);
        Report.Table3[ReportLayout.CarriedIn, ReportLayout.Total].ShouldBe(1);
        Report.Table3[ReportLayout.TotalHandled, ReportLayout.Total].ShouldBe(7);
        Report.Table3[ReportLayout.CarriedOut, "other-org"].ShouldBe(1);
        Report.AllChecksPass.ShouldBeTrue();
    }

    [Fact]
    public async Task Json_has_the_contracts_shape_and_order_with_every_cell_written()
    {
        using var json = JsonDocument.Parse((await RenderAsync("json")).Content);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Take(7).ShouldBe(["agency", "agencyName", "year", "table2", "table3", "table4", "checks"]);
        root.GetProperty("agency").GetString().ShouldBe("out");
        root.GetProperty("year").GetInt32().ShouldBe(2025);
        root.GetProperty("table2").GetProperty("normativeDocuments").GetProperty("inForce").GetInt32().ShouldBe(12);
        root.GetProperty("table2").GetProperty("feesWanYuan").GetDecimal().ShouldBe(88.381234m);
        root.GetProperty("table2").GetProperty("feesWanYuan").GetRawText().ShouldBe("88.381234");

        var table3 = root.GetProperty("table3");
        table3.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ShouldBe(ReportLayout.Table3Columns);
        var rows = table3.GetProperty("rows");
        rows.EnumerateObject().Select(r => r.Name).ShouldBe(ReportLayout.Table3Rows);
        foreach (var row in rows.EnumerateObject())
        {
            row.Value.EnumerateObject().Select(c => c.Name).ShouldBe(ReportLayout.Table3Columns);
            foreach (var cell in row.Value.EnumerateObject())
            {
                cell.Value.GetInt32().ShouldBe(Report.Table3[row.Name, cell.Name]);
            }
        }

        rows.GetProperty("other-fee-lapsed").GetProperty("natural-person").GetInt32().ShouldBe(1);
        var table4 = root.GetProperty("table4");
        table4.EnumerateObject().Select(g => g.Name).ShouldBe(["review", "lawsuit-direct", "lawsuit-after-review"]);
        table4.GetProperty("review").EnumerateObject().Select(c => c.Name).ShouldBe(["maintained", "corrected", "other", "pending", "total"]);
        root.GetProperty("checks").EnumerateArray().ShouldAllBe(c => c.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Csv_has_a_bom_one_line_per_row_and_the_official_label_of_the_first()
    {
        var bytes = (await RenderAsync("csv")).Content;
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        var table3 = lines.Where(l => l.StartsWith("table3,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        table3.Select(l => l[1]).ShouldBe(ReportLayout.Table3Rows);
        var received = table3.Single(l => l[1] == "received");
        received[2].ShouldBe("一、本年新收政府信息公开申请数量");
        received[3..].Select(int.Parse).ShouldBe(ReportLayout.Table3Columns.Select(c => Report.Table3[ReportLayout.Received, c]));
        lines.Count(l => l.StartsWith("table4,", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task Html_reproduces_the_official_layout_with_merged_headers_and_verbatim_labels()
    {
        var html = Encoding.UTF8.GetString((await RenderAsync("html")).Content);
        var document = new HtmlParser().ParseDocument(html);
        var tables = document.QuerySelectorAll("table.official");
        tables.Length.ShouldBe(3);

        var table3 = tables[1];
        var rows = table3.QuerySelectorAll("tr");
        rows.Length.ShouldBe(3 + 2 + 22 + 1);
        // Every row spans the 10 grid columns once the row spans from above are counted.
        var covered = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            foreach (var cell in rows[r].Children)
            {
                var colSpan = int.Parse(cell.GetAttribute("colspan") ?? "1");
                var rowSpan = int.Parse(cell.GetAttribute("rowspan") ?? "1");
                for (var k = 0; k < rowSpan; k++)
                {
                    covered[r + k] += colSpan;
                }
            }
        }

        covered.ShouldAllBe(c => c == 10);
        var text = table3.TextContent;
        foreach (var label in new[]
        {
            ReportSheets.Table3Note, "申请人情况", "法人或其他组织", "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "3.危及“三安全一稳定”", "8.属于行政查询事项",
            "5.要求行政机关确认或重新出具已获取信息", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（七）总计", "四、结转下年度继续办理",
        })
        {
            text.ShouldContain(label);
        }

        // No blank cells: every number cell holds its count.
        var numbers = table3.QuerySelectorAll("td.number");
        numbers.Length.ShouldBe(25 * 7);
        foreach (var cell in numbers)
        {
            var parts = cell.GetAttribute("data-cell")!.Split(':');
            int.Parse(cell.TextContent).ShouldBe(Report.Table3[parts[1], parts[2]]);
        }

        tables[2].QuerySelectorAll("td.number").Length.ShouldBe(15);
        document.QuerySelector("h1")!.TextContent.ShouldBe("输出测试市卫生健康委员会2025年政府信息公开工作年度报告");
        // Printed as the DOCX is set: GB/T 9704's margins, and table 三's header rows in <thead>, which repeat on every page.
        html.ShouldContain("@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;");
        table3.QuerySelectorAll("thead tr").Length.ShouldBe(3);
        tables[0].QuerySelectorAll("thead").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Xlsx_is_a_valid_workbook_whose_cells_read_back_in_the_official_layout()
    {
        var bytes = (await RenderAsync("xlsx")).Content;
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Spreadsheet.Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "校验"]);
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList();
        var table3 = (WorksheetPart)workbook.GetPartById(sheets[1].Id!);
        string Cell(string reference)
        {
            var cell = table3.Worksheet.Descendants<Spreadsheet.Cell>().Single(c => c.CellReference == reference);
            return cell.DataType?.Value == Spreadsheet.CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text)] : cell.CellValue?.Text ?? "";
        }

        // Title in row 1; the header note spans A2:C4; row 5 is 一; columns D..J are the seven applicant columns.
        Cell("A2").ShouldBe(ReportSheets.Table3Note);
        table3.Worksheet.Descendants<Spreadsheet.MergeCell>().Select(m => m.Reference!.Value).ShouldContain("A2:C4");
        Cell("A5").ShouldBe("一、本年新收政府信息公开申请数量");
        Cell("J5").ShouldBe(Report.Table3[ReportLayout.Received, ReportLayout.Total].ToString());
        Cell("A7").ShouldBe("三、本年度办理结果");
        Cell("B7").ShouldBe("（一）予以公开");
        Cell("D7").ShouldBe(Report.Table3["disclosed", "natural-person"].ToString());
        Cell("A29").ShouldBe("四、结转下年度继续办理");
        Cell("I29").ShouldBe("1");
        var table2 = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        table2.Worksheet.Descendants<Spreadsheet.Cell>().Single(c => c.CellReference == "B15").CellValue!.Text.ShouldBe("88.381234");
    }

    [Fact]
    public async Task Docx_is_a_valid_document_with_six_sections_the_three_tables_filled_and_a_drafted_narrative()
    {
        var bytes = (await RenderAsync("docx")).Content;
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Word.Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs[0].ShouldBe("输出测试市卫生健康委员会2025年政府信息公开工作年度报告");
        foreach (var heading in new[] { "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项" })
        {
            paragraphs.ShouldContain(heading);
        }

        paragraphs.ShouldContain(p => p.Contains("2025年共收到政府信息公开申请7件", StringComparison.Ordinal) && p.Contains("上年结转1件", StringComparison.Ordinal));
        paragraphs.ShouldContain(p => p.Contains("尚有1件在法定期限内继续办理", StringComparison.Ordinal));

        var tables = body.Elements<Word.Table>().ToList();
        tables.Count.ShouldBe(3);
        var rows = tables[1].Elements<Word.TableRow>().ToList();
        rows.Count.ShouldBe(28);
        var received = rows[3].Elements<Word.TableCell>().Select(c => c.InnerText).ToList();
        received[0].ShouldBe("一、本年新收政府信息公开申请数量");
        received[1..].Select(int.Parse).ShouldBe(ReportLayout.Table3Columns.Select(c => Report.Table3[ReportLayout.Received, c]));
        // Every row covers the 10 grid columns (grid spans included).
        rows.ShouldAllBe(r => r.Elements<Word.TableCell>().Sum(c => c.TableCellProperties!.GridSpan == null ? 1 : c.TableCellProperties.GridSpan.Val!.Value) == 10);
        tables[2].Elements<Word.TableRow>().Last().Elements<Word.TableCell>().Count().ShouldBe(15);
    }

    [Fact]
    public async Task Docx_is_set_in_the_official_format_with_styles_fonts_that_fall_back_and_page_numbers()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream((await RenderAsync("docx")).Content), false);
        var main = document.MainDocumentPart!;

        // A4 with GB/T 9704's type area: top 37 mm (2098 twips), left 28 mm (1587), right 26 mm (1474), bottom 35 mm
        // (1984); 22 lines of 28.95 pt (579 twips) in the 225 mm of the type area.
        var section = main.Document.Body!.Elements<Word.SectionProperties>().Single();
        var size = section.GetFirstChild<Word.PageSize>()!;
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906u, 16838u));
        var margin = section.GetFirstChild<Word.PageMargin>()!;
        (margin.Top!.Value, margin.Left!.Value, margin.Right!.Value, margin.Bottom!.Value).ShouldBe((2098, 1587u, 1474u, 1984));
        section.GetFirstChild<Word.DocGrid>()!.LinePitch!.Value.ShouldBe(579);

        // A real styles part: the body indented two characters in both units (200 hundredths of a character and
        // 2 × 320 twips), 仿宋_GB2312 三号; the title 方正小标宋简体 二号, centred and unindented; headings 黑体.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Word.Style>().ToDictionary(s => s.StyleId!.Value!);
        foreach (var id in new[] { "Normal", "Title", "Heading1", "Heading2", "TableText", "TableLabel", "Signature", "Footer", "OfficialTable" })
        {
            styles.ShouldContainKey(id);
        }

        var normal = styles["Normal"];
        normal.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(200);
        normal.StyleParagraphProperties.Indentation.FirstLine!.Value.ShouldBe("640");
        normal.StyleParagraphProperties.SpacingBetweenLines!.Line!.Value.ShouldBe("579");
        normal.StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("仿宋_GB2312");
        normal.StyleRunProperties.FontSize!.Val!.Value.ShouldBe("32");
        var title = styles["Title"];
        title.StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("方正小标宋简体");
        title.StyleRunProperties.FontSize!.Val!.Value.ShouldBe("44");
        title.StyleParagraphProperties!.Indentation!.FirstLine!.Value.ShouldBe("0");
        title.StyleParagraphProperties.Justification!.Val!.Value.ShouldBe(Word.JustificationValues.Center);
        styles["Heading1"].StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("黑体");
        styles["Heading2"].StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("楷体_GB2312");

        // Each font names the next to use in its place, ending in a face every Linux desktop has.
        var fonts = main.FontTablePart!.Fonts!.Elements<Word.Font>().ToDictionary(f => f.Name!.Value!, f => f.GetFirstChild<Word.AltName>()?.Val?.Value);
        string[] Chain(string font)
        {
            var chain = new List<string> { font };
            while (fonts[chain[^1]] is { } next)
            {
                chain.Add(next);
            }

            return [.. chain];
        }

        Chain("方正小标宋简体").ShouldBe(["方正小标宋简体", "华文中宋", "Noto Serif CJK SC"]);
        Chain("仿宋_GB2312").ShouldBe(["仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC"]);
        Chain("黑体").ShouldBe(["黑体", "SimHei", "Noto Sans CJK SC"]);

        // Page numbers "— 1 —": odd pages on the right, even pages on the left, each one 四号 character (280 twips) in.
        main.DocumentSettingsPart!.Settings!.GetFirstChild<Word.EvenAndOddHeaders>().ShouldNotBeNull();
        var footers = section.Elements<Word.FooterReference>().ToDictionary(f => f.Type!.Value, f => ((FooterPart)main.GetPartById(f.Id!)).Footer!);
        foreach (var (type, side, indent) in new[] { (Word.HeaderFooterValues.Default, Word.JustificationValues.Right, "right"), (Word.HeaderFooterValues.Even, Word.JustificationValues.Left, "left") })
        {
            var paragraph = footers[type].Elements<Word.Paragraph>().Single();
            paragraph.InnerText.ShouldBe("—  PAGE 1 —");
            paragraph.Descendants<Word.FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
            paragraph.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(side);
            (indent == "right" ? paragraph.ParagraphProperties.Indentation!.Right : paragraph.ParagraphProperties.Indentation!.Left)!.Value.ShouldBe("280");
        }

        // The title in two even lines, broken after the year, not one character left alone.
        var first = main.Document.Body!.Elements<Word.Paragraph>().First();
        first.ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Title");
        first.Elements<Word.Run>().Where(r => r.GetFirstChild<Word.Text>() is not null).Select(r => r.InnerText)
            .ShouldBe(["输出测试市卫生健康委员会2025年", "政府信息公开工作年度报告"]);
        first.Descendants<Word.Break>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Docx_tables_repeat_their_header_rows_never_split_a_row_and_keep_short_tables_on_one_page()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream((await RenderAsync("docx")).Content), false);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Word.Table>().ToList();
        foreach (var table in tables)
        {
            table.GetFirstChild<Word.TableProperties>()!.TableWidth!.Width!.Value.ShouldBe("8845"); // the type area's 156 mm
            var rows = table.Elements<Word.TableRow>().ToList();
            rows.ShouldAllBe(r => r.TableRowProperties!.GetFirstChild<Word.CantSplit>() != null);
            // Every cell centred vertically; every number centred on the line; labels start at the left.
            foreach (var cell in table.Descendants<Word.TableCell>())
            {
                cell.TableCellProperties!.TableCellVerticalAlignment!.Val!.Value.ShouldBe(Word.TableVerticalAlignmentValues.Center);
                var style = cell.GetFirstChild<Word.Paragraph>()!.ParagraphProperties!.ParagraphStyleId!.Val!.Value;
                if (int.TryParse(cell.InnerText, out _))
                {
                    style.ShouldBe("TableText");
                }
            }
        }

        static bool Header(Word.TableRow row) => row.TableRowProperties!.GetFirstChild<Word.TableHeader>() != null;
        // Table 三's three header rows repeat on every page; nothing else does.
        tables[1].Elements<Word.TableRow>().Select(Header).ShouldBe([true, true, true, .. Enumerable.Repeat(false, 25)]);
        tables[2].Elements<Word.TableRow>().Select(Header).ShouldBe([true, true, true, false]);
        tables[0].Elements<Word.TableRow>().Select(Header).ShouldAllBe(h => !h);
        // Tables 二 and 四 keep to one page: every row but the last keeps with the next.
        foreach (var table in new[] { tables[0], tables[2] })
        {
            var rows = table.Elements<Word.TableRow>().ToList();
            rows.SkipLast(1).ShouldAllBe(r => r.Descendants<Word.KeepNext>().Count() == r.Elements<Word.TableCell>().Count());
            rows[^1].Descendants<Word.KeepNext>().ShouldBeEmpty();
        }

        tables[1].Descendants<Word.KeepNext>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Xlsx_prints_on_a4_landscape_one_page_wide_with_print_titles_a_frozen_header_and_every_label_whole()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream((await RenderAsync("xlsx")).Content), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Spreadsheet.Sheet>().ToList();
        foreach (var sheet in sheets)
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            // Without fitToPage Excel and LibreOffice ignore fitToWidth.
            worksheet.GetFirstChild<Spreadsheet.SheetProperties>()!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue(sheet.Name);
            var setup = worksheet.GetFirstChild<Spreadsheet.PageSetup>()!;
            (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value)
                .ShouldBe((9u, Spreadsheet.OrientationValues.Landscape, 1u, 0u), sheet.Name);
            worksheet.Descendants<Spreadsheet.Row>().ShouldAllBe(r => r.CustomHeight! && r.Height! > 0);
        }

        // 打印标题 and the frozen pane: table 三's title row and its three header rows.
        var titles = workbook.Workbook.DefinedNames!.Elements<Spreadsheet.DefinedName>().ToDictionary(d => d.LocalSheetId!.Value, d => d.Text);
        titles[0].ShouldBe("'表二 主动公开'!$1:$1");
        titles[1].ShouldBe("'表三 依申请公开'!$1:$4");
        titles[2].ShouldBe("'表四 复议诉讼'!$1:$4");
        var table3 = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
        var pane = table3.Descendants<Spreadsheet.Pane>().Single();
        (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value).ShouldBe((4d, "A5", Spreadsheet.PaneStateValues.Frozen));

        // Row heights worked by hand (a 宋体 10 pt line is 13.5 pt, plus 5 pt of padding; a column of width w holds
        // (w − 1) / 2 Chinese characters). Row 4: the header 商业企业 (4 ems) in a column of 7 takes 2 lines, 32 pt.
        // Row 26: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" is 36 ems in column C of 34
        // (16.5 a line): 3 lines, 45.5 pt. Row 5's label spans A:C (54, 26.5 a line) and its 16 ems take one: 18.5.
        double Height(uint row) => table3.Descendants<Spreadsheet.Row>().Single(r => r.RowIndex! == row).Height!.Value;
        Height(4).ShouldBe(32);
        Height(26).ShouldBe(45.5);
        Height(5).ShouldBe(18.5);
    }
}
