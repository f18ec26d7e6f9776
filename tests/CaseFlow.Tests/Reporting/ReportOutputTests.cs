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
        html.ShouldContain("@page { size: A4");
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
}
