using System.Diagnostics;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// Progress of a long job on standard error (standard output stays for results): on a terminal one line redrawn in
/// place with count, rate and time left; in a log (not a terminal) a line every five seconds, so a job shows it is alive.
/// </summary>
internal sealed class ProgressLine(string label) : IDisposable
{
    private static readonly TimeSpan s_logEvery = TimeSpan.FromSeconds(5);
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLine = TimeSpan.Zero;
    private bool _drawn;

    public void Report(long done, long total, string what)
    {
        var elapsed = _clock.Elapsed;
        if (!_terminal && elapsed - _lastLine < s_logEvery)
        {
            return;
        }

        _lastLine = elapsed;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 && total > done ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
        var line = $"{label}: {what} {done:N0}{(total > 0 ? $" / {total:N0}" : "")} ({rate:N0}/s{(left is { } l ? $", about {l:hh\\:mm\\:ss} left" : "")})";
        if (_terminal)
        {
            Console.Error.Write($"\r\u001b[K{line}");
            _drawn = true;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Clears the line before other output (a rejected import line, the summary).</summary>
    public void Clear()
    {
        if (_drawn)
        {
            Console.Error.Write("\r\u001b[K");
            _drawn = false;
        }
    }

    public void Done() => Clear();

    public void Dispose() => Clear();
}
