using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Letters;

/// <summary>A letter as a printable HTML page (A4) and as a Word document (opens in Word and WPS).</summary>
public static class LetterOutput
{
    public static string Html(LetterDocument letter)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(letter.Title)).Append("</title>\n<style>\n")
            .Append("""
                @page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
                body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; color: #000; max-width: 156mm; margin: 0 auto; }
                h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 22pt; text-align: center; margin: 0 0 12pt; font-weight: normal; }
                .subtitle { text-align: center; margin: 0 0 16pt; }
                p { margin: 0; text-indent: 2em; text-align: justify; }
                p.salutation { text-indent: 0; }
                p.item { text-indent: 2em; }
                p.signature { text-align: right; text-indent: 0; }
                p.signature.first { margin-top: 28pt; }
                """)
            .Append("</style>\n</head>\n<body>\n");
        var firstSignature = true;
        foreach (var block in letter.Blocks)
        {
            html.Append(block.Style switch
            {
                LetterBlockStyle.Title => $"<h1>{E(block.Text)}</h1>\n",
                LetterBlockStyle.Subtitle => $"<p class=\"subtitle\">{E(block.Text)}</p>\n",
                LetterBlockStyle.Salutation => $"<p class=\"salutation\">{E(block.Text)}</p>\n",
                LetterBlockStyle.ListItem => $"<p class=\"item\">{E(block.Text)}</p>\n",
                LetterBlockStyle.Signature => $"<p class=\"signature{(firstSignature ? " first" : "")}\">{E(block.Text)}</p>\n",
                _ => $"<p>{E(block.Text)}</p>\n",
            });
            firstSignature &= block.Style != LetterBlockStyle.Signature;
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The letter in the usual government type: 方正小标宋/黑体 title, 仿宋 三号 body, 28-point lines, A4.</summary>
    public static byte[] Docx(LetterDocument letter)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var firstSignature = true;
            foreach (var block in letter.Blocks)
            {
                var (font, size, justification, indent, before) = block.Style switch
                {
                    LetterBlockStyle.Title => ("黑体", 44, JustificationValues.Center, false, 0),
                    LetterBlockStyle.Subtitle => ("仿宋", 32, JustificationValues.Center, false, 0),
                    LetterBlockStyle.Salutation => ("仿宋", 32, JustificationValues.Left, false, 240),
                    LetterBlockStyle.Signature => ("仿宋", 32, JustificationValues.Right, false, firstSignature ? 560 : 0),
                    _ => ("仿宋", 32, JustificationValues.Both, true, 0),
                };
                firstSignature &= block.Style != LetterBlockStyle.Signature;
                var properties = new ParagraphProperties(new SpacingBetweenLines
                {
                    Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    After = block.Style == LetterBlockStyle.Subtitle ? "320" : "0",
                    Line = "560",
                    LineRule = LineSpacingRuleValues.Exact,
                });
                if (indent)
                {
                    properties.Append(new Indentation { FirstLineChars = 200 });
                }

                properties.Append(new Justification { Val = justification });
                var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
                    new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                body.Append(new Paragraph(properties, new Run(runProperties, new Text(block.Text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1587, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
