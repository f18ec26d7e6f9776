using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Documents;

/// <summary>
/// A Word document in the format of 党政机关公文格式 (GB/T 9704-2012): A4 with its type area (156 × 225 mm, top margin
/// 37 mm, left 28 mm), 22 lines of 28 characters, title in 小标宋 二号, body in 仿宋 三号 indented two characters,
/// headings 黑体 then 楷体, page numbers "— 1 —" in 宋体 四号 outside at the bottom. Every paragraph takes its look
/// from a named style in a real styles part, so users restyle with Word's styles pane; fonts name their fallbacks in
/// the font table. Reports and letters both write through it, so the two cannot drift apart.
/// </summary>
public sealed partial class OfficialDocx
{
    // Sizes in twips (1/1440 inch; 1 mm ≈ 56.69 twips) and half-points.
    public const int PageWidth = 11906;      // 210 mm
    public const int PageHeight = 16838;     // 297 mm
    public const int TopMargin = 2098;       // 37 mm (天头)
    public const int LeftMargin = 1587;      // 28 mm (订口)
    public const int RightMargin = 1474;     // 26 mm: 210 − 28 − 156
    public const int BottomMargin = 1984;    // 35 mm: 297 − 37 − 225
    public const int TypeAreaWidth = PageWidth - LeftMargin - RightMargin; // 8845 ≈ 156 mm
    public const int LinePitch = 579;        // 225 mm ÷ 22 lines = 28.95 pt
    // 28 characters in 156 mm (442 pt) is 15.8 pt a character: 三号 condensed by a quarter point, in twentieths of a point.
    // (A character grid, docGrid linesAndChars, does the same in Word but doubles every character's cell in LibreOffice.)
    public const int Condensed = -5;
    public const int BodySize = 32;          // 三号 16 pt
    public const int TitleSize = 44;         // 二号 22 pt
    public const int PageNumberSize = 28;    // 四号 14 pt
    public const int TableSize = 21;         // 五号 10.5 pt
    public const int BodyEm = BodySize * 10; // one 三号 character: 320 twips
    public const double TitleEms = 20;       // 二号 characters in the type area's width (442 pt ÷ 22 pt)

    // Footer distance: the page number's 一字线 sits 7 mm under the type area (GB/T 9704 §7.5): 35 − 7 mm to its top,
    // less its 14 pt line.
    public const int FooterDistance = 1307;

    public static class StyleIds
    {
        public const string Normal = "Normal";
        public const string Title = "Title";
        public const string Heading1 = "Heading1";
        public const string Heading2 = "Heading2";
        public const string Heading3 = "Heading3";
        public const string DocumentNumber = "DocumentNumber";
        public const string Salutation = "Salutation";
        public const string Signature = "Signature";
        public const string Note = "Note";
        public const string TableText = "TableText";
        public const string TableLabel = "TableLabel";
        public const string Footer = "Footer";
        public const string RunInHeading = "RunInHeading";
        public const string Table = "OfficialTable";
    }

    /// <summary>The font of each role and the fonts to use in its place, in order (the last is on every Linux desktop).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FontFallbacks = new Dictionary<string, string[]>
    {
        ["方正小标宋简体"] = ["华文中宋", "Noto Serif CJK SC"],
        ["仿宋_GB2312"] = ["仿宋", "FangSong", "Noto Serif CJK SC"],
        ["黑体"] = ["SimHei", "Noto Sans CJK SC"],
        ["楷体_GB2312"] = ["楷体", "KaiTi", "Noto Serif CJK SC"],
        ["宋体"] = ["SimSun", "Noto Serif CJK SC"],
    };

    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string Heading1Font = "黑体";
    public const string Heading2Font = "楷体_GB2312";
    public const string TableFont = "宋体";

    private readonly Body _body = new();

    private OfficialDocx()
    {
    }

    /// <summary>Writes a document: <paramref name="compose"/> appends its blocks in order.</summary>
    public static byte[] Write(string title, Action<OfficialDocx> compose)
    {
        var builder = new OfficialDocx();
        compose(builder);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "zh-CN";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                // In the schema's order: tab stop, even-and-odd footers, punctuation compression.
                new DefaultTabStop { Val = BodyEm * 2 },
                new EvenAndOddHeaders(),
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });
            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = PageNumber(JustificationValues.Right);
            var even = main.AddNewPart<FooterPart>();
            even.Footer = PageNumber(JustificationValues.Left);
            builder._body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = TopMargin, Bottom = BottomMargin, Left = (uint)LeftMargin, Right = (uint)RightMargin, Header = 851, Footer = FooterDistance, Gutter = 0 },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
            main.Document = new Document(builder._body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The title, broken into even lines (never one character left on its own); <paramref name="breaks"/> are where its phrases end.</summary>
    public void Title(string text, IReadOnlyCollection<int>? breaks = null)
    {
        var lines = OfficialText.TitleLines(text, TitleEms, breaks);
        var paragraph = new Paragraph(Properties(StyleIds.Title));
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            paragraph.Append(TextRun(lines[i]));
        }

        _body.Append(paragraph);
    }

    public void DocumentNumber(string text) => Add(StyleIds.DocumentNumber, text);

    public void Heading(int level, string text) => Add(level switch { 1 => StyleIds.Heading1, 2 => StyleIds.Heading2, _ => StyleIds.Heading3 }, text);

    /// <summary>A body paragraph; a second-level heading it opens with (e.g. "（一）主动公开。") is set in 楷体.</summary>
    public void Paragraph(string text)
    {
        var runIn = RunInHeading().Match(text);
        if (!runIn.Success)
        {
            Add(StyleIds.Normal, text);
            return;
        }

        var heading = TextRun(runIn.Value);
        heading.PrependChild(new RunProperties { RunStyle = new RunStyle { Val = StyleIds.RunInHeading } });
        _body.Append(new Paragraph(Properties(StyleIds.Normal), heading, TextRun(text[runIn.Length..])));
    }

    [GeneratedRegex("^（[一二三四五六七八九十]+）[^。，；（）]{1,20}。")]
    private static partial Regex RunInHeading();

    public void Salutation(string text) => Add(StyleIds.Salutation, text);

    public void Note(string text) => Add(StyleIds.Note, text);

    /// <summary>
    /// The signature: the last line is the date, four characters from the right (GB/T 9704 §7.3.5.1), every line above
    /// it centred over the date, and two lines of room above for the seal, which presses on both.
    /// </summary>
    public void Signature(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var date = OfficialText.Width(lines[^1]);
        for (var i = 0; i < lines.Count; i++)
        {
            var rightEms = Math.Max(0, 4 + ((date - OfficialText.Width(lines[i])) / 2));
            var properties = Properties(StyleIds.Signature);
            properties.Indentation = new Indentation
            {
                RightChars = (int)Math.Round(rightEms * 100),
                Right = ((int)Math.Round(rightEms * BodyEm)).ToString(CultureInfo.InvariantCulture),
            };
            if (i == 0)
            {
                properties.SpacingBetweenLines = new SpacingBetweenLines { Before = SealRoom.ToString(CultureInfo.InvariantCulture) };
            }

            _body.Append(new Paragraph(properties, TextRun(lines[i])));
        }
    }

    /// <summary>Room above the signature for the seal: two lines.</summary>
    public const int SealRoom = 2 * LinePitch;

    public void Append(Table table) => _body.Append(table);

    /// <summary>A table the width of the type area in the official table style, with its grid.</summary>
    public static Table Table(IReadOnlyList<int> columnWidths)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = StyleIds.Table },
            new TableWidth { Width = TypeAreaWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(columnWidths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    private void Add(string style, string text) => _body.Append(new Paragraph(Properties(style), TextRun(text)));

    public static ParagraphProperties Properties(string style) => new() { ParagraphStyleId = new ParagraphStyleId { Val = style } };

    public static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Footer PageNumber(JustificationValues side)
    {
        // 单页码居右空一字，双页码居左空一字 (GB/T 9704 §7.5): odd pages right, even pages left, one 四号 character in.
        var properties = Properties(StyleIds.Footer);
        properties.Indentation = side == JustificationValues.Right
            ? new Indentation { Right = (PageNumberSize * 10).ToString(CultureInfo.InvariantCulture) }
            : new Indentation { Left = (PageNumberSize * 10).ToString(CultureInfo.InvariantCulture) };
        properties.Justification = new Justification { Val = side };
        return new Footer(new Paragraph(properties,
            TextRun("— "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" —")));
    }

    private static Fonts FontTable()
    {
        var fonts = new Fonts();
        var named = new HashSet<string>();
        foreach (var (font, fallbacks) in FontFallbacks)
        {
            string[] chain = [font, .. fallbacks];
            for (var i = 0; i < chain.Length; i++)
            {
                if (!named.Add(chain[i]))
                {
                    continue;
                }

                var entry = new Font { Name = chain[i] };
                if (i + 1 < chain.Length)
                {
                    entry.Append(new AltName { Val = chain[i + 1] });
                }

                entry.Append(
                    new FontCharSet { Val = "86" }, // GB2312
                    new FontFamily { Val = chain[i].Contains("Sans", StringComparison.Ordinal) || chain[i] is "黑体" or "SimHei" ? FontFamilyValues.Modern : FontFamilyValues.Roman },
                    new Pitch { Val = FontPitchValues.Variable });
                fonts.Append(entry);
            }
        }

        return fonts;
    }

    private static Styles StyleSheet()
    {
        static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };
        static string T(int twips) => twips.ToString(CultureInfo.InvariantCulture);
        static SpacingBetweenLines Exact(int line, int before = 0, int after = 0) =>
            new() { Line = T(line), LineRule = LineSpacingRuleValues.Exact, Before = T(before), After = T(after) };
        static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

        Style Paragraph(string id, string name, string? basedOn, StyleParagraphProperties paragraph, StyleRunProperties? run = null, bool primary = true)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == StyleIds.Normal ? true : null };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new NextParagraphStyle { Val = StyleIds.Normal });
            if (primary)
            {
                style.Append(new PrimaryStyle());
            }

            style.Append(paragraph);
            if (run is not null)
            {
                style.Append(run);
            }

            return style;
        }

        var normal = Paragraph(StyleIds.Normal, "Normal", null,
            new StyleParagraphProperties
            {
                SnapToGrid = new SnapToGrid { Val = true },
                SpacingBetweenLines = Exact(LinePitch),
                // 首行缩进两字: in characters for Word and WPS, in twips for every other reader.
                Indentation = new Indentation { FirstLineChars = 200, FirstLine = T(2 * BodyEm) },
                Justification = new Justification { Val = JustificationValues.Both },
            },
            new StyleRunProperties { RunFonts = Fonts(BodyFont), Spacing = new Spacing { Val = Condensed }, FontSize = new FontSize { Val = T(BodySize) }, FontSizeComplexScript = new FontSizeComplexScript { Val = T(BodySize) } });
        var title = Paragraph(StyleIds.Title, "Title", StyleIds.Normal,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                SnapToGrid = new SnapToGrid { Val = false },
                // 标题下空一行: a line of the body's pitch after it.
                SpacingBetweenLines = Exact(LinePitch + 120, after: LinePitch),
                Indentation = NoIndent(),
                Justification = new Justification { Val = JustificationValues.Center },
                OutlineLevel = new OutlineLevel { Val = 0 },
            },
            new StyleRunProperties { RunFonts = Fonts(TitleFont), Spacing = new Spacing { Val = 0 }, FontSize = new FontSize { Val = T(TitleSize) }, FontSizeComplexScript = new FontSizeComplexScript { Val = T(TitleSize) } });
        StyleParagraphProperties HeadingParagraph(int level) => new()
        {
            KeepNext = new KeepNext(),
            KeepLines = new KeepLines(),
            OutlineLevel = new OutlineLevel { Val = level },
        };
        var heading1 = Paragraph(StyleIds.Heading1, "heading 1", StyleIds.Normal, HeadingParagraph(1),
            new StyleRunProperties { RunFonts = Fonts(Heading1Font) });
        var heading2 = Paragraph(StyleIds.Heading2, "heading 2", StyleIds.Normal, HeadingParagraph(2),
            new StyleRunProperties { RunFonts = Fonts(Heading2Font) });
        var heading3 = Paragraph(StyleIds.Heading3, "heading 3", StyleIds.Normal, HeadingParagraph(3),
            new StyleRunProperties { Bold = new Bold() });
        var number = Paragraph(StyleIds.DocumentNumber, "发文字号", StyleIds.Normal,
            new StyleParagraphProperties { SpacingBetweenLines = Exact(LinePitch, after: LinePitch), Indentation = NoIndent(), Justification = new Justification { Val = JustificationValues.Center } });
        var salutation = Paragraph(StyleIds.Salutation, "主送", StyleIds.Normal,
            new StyleParagraphProperties { Indentation = NoIndent(), Justification = new Justification { Val = JustificationValues.Left } });
        var signature = Paragraph(StyleIds.Signature, "落款", StyleIds.Normal,
            new StyleParagraphProperties { KeepLines = new KeepLines(), Indentation = NoIndent(), Justification = new Justification { Val = JustificationValues.Right } });
        var note = Paragraph(StyleIds.Note, "附注", StyleIds.Normal,
            new StyleParagraphProperties { Indentation = NoIndent() },
            new StyleRunProperties { FontSize = new FontSize { Val = T(24) }, FontSizeComplexScript = new FontSizeComplexScript { Val = T(24) } });
        var tableText = Paragraph(StyleIds.TableText, "表格文字", StyleIds.Normal,
            new StyleParagraphProperties
            {
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                Indentation = NoIndent(),
                Justification = new Justification { Val = JustificationValues.Center },
            },
            new StyleRunProperties { RunFonts = Fonts(TableFont), Spacing = new Spacing { Val = 0 }, FontSize = new FontSize { Val = T(TableSize) }, FontSizeComplexScript = new FontSizeComplexScript { Val = T(TableSize) } });
        var tableLabel = Paragraph(StyleIds.TableLabel, "表格项目", StyleIds.TableText,
            new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Left } });
        var footer = Paragraph(StyleIds.Footer, "footer", StyleIds.Normal,
            new StyleParagraphProperties { SnapToGrid = new SnapToGrid { Val = false }, SpacingBetweenLines = Exact(PageNumberSize * 10), Indentation = NoIndent() },
            new StyleRunProperties { RunFonts = Fonts(TableFont), Spacing = new Spacing { Val = 0 }, FontSize = new FontSize { Val = T(PageNumberSize) }, FontSizeComplexScript = new FontSizeComplexScript { Val = T(PageNumberSize) } },
            primary: false);

        var runIn = new Style { Type = StyleValues.Character, StyleId = StyleIds.RunInHeading };
        runIn.Append(new StyleName { Val = "段首标题" }, new PrimaryStyle(), new StyleRunProperties { RunFonts = Fonts(Heading2Font) });

        var table = new Style { Type = StyleValues.Table, StyleId = StyleIds.Table };
        table.Append(new StyleName { Val = "公文表格" }, new PrimaryStyle());
        table.Append(new StyleTableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })));

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(BodyFont), new FontSize { Val = T(BodySize) }, new FontSizeComplexScript { Val = T(BodySize) },
                    new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle())),
            normal, title, heading1, heading2, heading3, number, salutation, signature, note, tableText, tableLabel, footer, runIn, table);
    }
}
