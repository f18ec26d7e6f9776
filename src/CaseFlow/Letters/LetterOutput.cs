using System.Net;
using System.Text;
using CaseFlow.Documents;

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

    /// <summary>The letter in the 公文 format (<see cref="OfficialDocx"/>): title, 文号, addressee, body, and the signature over the date with room for the seal.</summary>
    public static byte[] Docx(LetterDocument letter) => OfficialDocx.Write(letter.Title, document =>
    {
        var signature = new List<string>();
        foreach (var block in letter.Blocks)
        {
            if (block.Style == LetterBlockStyle.Signature)
            {
                signature.Add(block.Text);
                continue;
            }

            document.Signature(signature);
            signature.Clear();
            switch (block.Style)
            {
                case LetterBlockStyle.Title:
                    document.Title(block.Text);
                    break;
                case LetterBlockStyle.Subtitle:
                    document.DocumentNumber(block.Text);
                    break;
                case LetterBlockStyle.Salutation:
                    document.Salutation(block.Text);
                    break;
                default:
                    document.Paragraph(block.Text);
                    break;
            }
        }

        document.Signature(signature);
    });

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
