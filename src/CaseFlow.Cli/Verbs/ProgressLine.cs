using System.Diagnostics;

namespace CaseFlow.Cli.Verbs;

/// <summary>
/// Progress of a long job on standard error (standard output stays for results). On a terminal: one line redrawn in
/// place, a bar when the total is known, with count, rate and time left. In a log (not a terminal): a line every five
/// seconds (CASEFLOW_PROGRESS_SECONDS), so a job shows it is alive. Drawn by hand rather than with a live display, because rejected lines and
/// warnings are written between redraws.
/// </summary>
internal sealed class ProgressLine(string label) : IDisposable
{
    private const int BarWidth = 24;
    private static readonly TimeSpan s_logEvery = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("CASEFLOW_PROGRESS_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? seconds : 5);
    private static readonly TimeSpan s_drawEvery = TimeSpan.FromMilliseconds(100);
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan? _lastLine;
    private bool _drawn;

    /// <summary>Where the job is: <paramref name="total"/> 0 when unknown; <paramref name="unit"/> what is counted (行、个事件).</summary>
    public void Report(long done, long total, string unit)
    {
        lock (_lock)
        {
            var elapsed = _clock.Elapsed;
            var finished = total > 0 && done >= total;
            if (_lastLine is { } last && elapsed - last < (_terminal ? s_drawEvery : s_logEvery) && !(finished && _terminal))
            {
                return;
            }

            _lastLine = elapsed;
            var line = Format(label, Math.Min(done, total > 0 ? total : done), total, unit, elapsed);
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
    }

    /// <summary>The line itself, also what a log gets: <c>导入 [██████······] 50%  1,000 / 2,000 行  500 行/秒  剩余约 00:00:02</c>.</summary>
    internal static string Format(string label, long done, long total, string unit, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0.2 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 && total > done ? TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)) : (TimeSpan?)null;
        var bar = "";
        if (total > 0)
        {
            var filled = (int)(BarWidth * done / total);
            bar = $" [{new string('█', filled)}{new string('·', BarWidth - filled)}] {100 * done / total,3}%";
        }

        return $"{label}{bar}  {done:N0}{(total > 0 ? $" / {total:N0}" : "")} {unit}  {rate:N0} {unit}/秒"
            + (left is { } l ? $"  剩余约 {(int)l.TotalHours:00}:{l:mm\\:ss}" : "");
    }

    /// <summary>Clears the line before other output (a rejected import line, the summary).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                Console.Error.Write("\r\u001b[K");
                _drawn = false;
            }
        }
    }

    public void Done() => Clear();

    public void Dispose() => Clear();
}
