using System.Text;

namespace CaseFlow.Importing;

/// <summary>The encodings an import file may be read in: UTF-8 (the contract's) or, when asked for, GBK/GB18030.</summary>
public enum ImportEncoding
{
    Utf8,
    Gb18030,
}

/// <summary>Why a file cannot be read as the encoding it was given in; nothing of it has been imported.</summary>
public sealed class ImportEncodingException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Checks a whole import file before its first line is applied: a file that is not valid UTF-8 (GBK from Windows tools
/// is common) is refused with the encoding it looks like and how to convert it, never stored as mojibake.
/// </summary>
public static class ImportFileEncoding
{
    /// <summary>GBK's superset; GBK files read the same through it.</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }

    public static bool TryParse(string? name, out ImportEncoding encoding)
    {
        (var ok, encoding) = name?.Trim().ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => (true, ImportEncoding.Utf8),
            "gbk" or "gb18030" or "gb2312" => (true, ImportEncoding.Gb18030),
            _ => (false, ImportEncoding.Utf8),
        };
        return ok;
    }

    /// <summary>Reads the whole stream strictly in <paramref name="encoding"/>; throws <see cref="ImportEncodingException"/> at the first invalid byte.</summary>
    /// <returns>The file's lines, as a line reader counts them (a last line without its newline counts too).</returns>
    public static long Check(Stream stream, ImportEncoding encoding, string fileName)
    {
        var decoder = (encoding == ImportEncoding.Utf8 ? new UTF8Encoding(false, throwOnInvalidBytes: true) : Gb18030).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 8];
        byte[]? sample = null;
        long offset = 0, line = 1;
        var last = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sample ??= buffer[..read];
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                var at = Math.Max(0, e.Index);
                line += buffer.AsSpan(0, Math.Min(at, read)).Count((byte)'\n');
                throw Refusal(encoding, fileName, line, sample);
            }

            line += buffer.AsSpan(0, read).Count((byte)'\n');
            offset += read;
            last = buffer[read - 1];
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportEncodingException("input.truncated", $"{fileName}：文件在一个字符的中间结束（共 {offset} 字节），可能不完整，请检查后重新导出。");
        }

        return line - 1 + (last == (byte)'\n' ? 0 : 1);
    }

    private static ImportEncodingException Refusal(ImportEncoding encoding, string fileName, long line, byte[]? sample)
    {
        if (encoding == ImportEncoding.Gb18030)
        {
            return new ImportEncodingException("input.not-gbk", $"{fileName}：第 {line} 行不是有效的 GBK/GB18030 编码，请确认文件编码后再导入。");
        }

        var looksLike = LooksLike(sample ?? []);
        var advice = looksLike switch
        {
            "GBK/GB18030" => $"请转换为 UTF-8 后再导入（例如 iconv -f GB18030 -t UTF-8 {fileName} > utf8.jsonl），或加 --encoding gbk 按 GBK 读取。",
            "UTF-16" => $"请转换为 UTF-8 后再导入（例如 iconv -f UTF-16 -t UTF-8 {fileName} > utf8.jsonl）。",
            _ => "请以 UTF-8 编码另存后再导入。",
        };
        return new ImportEncodingException("input.not-utf8",
            $"{fileName}：第 {line} 行起不是 UTF-8 编码{(looksLike is null ? "" : $"，看起来是 {looksLike}（常见于 Windows 下的 Excel、记事本导出）")}；未导入任何内容。{advice}");
    }

    /// <summary>A guess at what a file that is not UTF-8 is, from its first bytes.</summary>
    public static string? LooksLike(ReadOnlySpan<byte> sample)
    {
        if (sample is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] || (sample.Length >= 4 && sample.Count((byte)0) > sample.Length / 4))
        {
            return "UTF-16";
        }

        try
        {
            // Cut at the last line break, so a character split by the sample's end does not count against it.
            var end = sample.LastIndexOf((byte)'\n');
            var text = Gb18030.GetString(end > 0 ? sample[..end] : sample);
            return text.Any(c => c >= 0x4E00 && c <= 0x9FFF) ? "GBK/GB18030" : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
