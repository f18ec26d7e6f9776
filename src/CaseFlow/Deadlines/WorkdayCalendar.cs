using System.Reflection;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CaseFlow.Deadlines;

/// <summary>One year's State Council holiday notice: the days off and the weekend days declared working days (调休).</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<LocalDate> Holidays, IReadOnlyList<LocalDate> Workdays, string Source);

/// <summary>
/// The official working-day calendar. A date is a working day iff it is Monday–Friday and not a holiday, or it is a
/// weekend day declared a working day. The facts are data (the project's own copy of the State Council notices,
/// extended at run time from the database), never code. Years without a loaded notice are counted by weekends alone,
/// and every result that touches them is marked provisional.
/// </summary>
public sealed class WorkdayCalendar
{
    private readonly HashSet<LocalDate> _holidays = [];
    private readonly HashSet<LocalDate> _workdays = [];
    private readonly SortedDictionary<int, CalendarYear> _years = [];

    public WorkdayCalendar(IEnumerable<CalendarYear> years)
    {
        foreach (var year in years)
        {
            _years[year.Year] = year;
        }

        // Notices are keyed by the notice year, and a notice can hold dates of the year before (e.g. 2018-12-29 in the
        // 2019 notice): all lists go into one set, as the data file says.
        foreach (var year in _years.Values)
        {
            _holidays.UnionWith(year.Holidays);
            _workdays.UnionWith(year.Workdays);
        }
    }

    public IReadOnlyCollection<CalendarYear> Years => _years.Values;

    /// <summary>Whether the State Council notice for this calendar year is loaded.</summary>
    public bool Covers(int year) => _years.ContainsKey(year);

    public bool IsHoliday(LocalDate date) => _holidays.Contains(date);

    public bool IsMakeUpWorkday(LocalDate date) => _workdays.Contains(date);

    public bool IsWorkingDay(LocalDate date) =>
        _workdays.Contains(date) || (!_holidays.Contains(date) && date.DayOfWeek is not IsoDayOfWeek.Saturday and not IsoDayOfWeek.Sunday);

    /// <summary>The date itself if it is a working day, else the next working day (the roll-forward of a period end).</summary>
    public LocalDate OnOrNextWorkingDay(LocalDate date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    public LocalDate NextWorkingDayAfter(LocalDate date) => OnOrNextWorkingDay(date.PlusDays(1));

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="date"/>.</summary>
    public LocalDate WorkingDaysBefore(LocalDate date, int workingDays)
    {
        var day = date;
        for (var n = 0; n < workingDays;)
        {
            day = day.PlusDays(-1);
            if (IsWorkingDay(day))
            {
                n++;
            }
        }

        return day;
    }

    /// <summary>
    /// Counts <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself not
    /// counted), skipping any day <paramref name="paused"/> says is paused, and says what it met on the way.
    /// </summary>
    public WorkingDayCount Count(LocalDate start, int workingDays, Func<LocalDate, bool>? paused = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var holidays = new List<LocalDate>();
        var makeUpDays = new List<LocalDate>();
        var pausedDays = new List<LocalDate>();
        var uncoveredYears = new SortedSet<int>();
        var date = start;
        LocalDate? first = null;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.PlusDays(1);
            if (!Covers(date.Year))
            {
                uncoveredYears.Add(date.Year);
            }

            if (!IsWorkingDay(date))
            {
                if (IsHoliday(date))
                {
                    holidays.Add(date);
                }

                continue;
            }

            if (paused?.Invoke(date) == true)
            {
                pausedDays.Add(date);
                continue;
            }

            if (IsMakeUpWorkday(date))
            {
                makeUpDays.Add(date);
            }

            first ??= date;
            counted++;
        }

        return new WorkingDayCount(start, workingDays, date, first ?? date, holidays, makeUpDays, pausedDays, uncoveredYears.ToList());
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public int WorkingDaysBetween(LocalDate after, LocalDate through)
    {
        var n = 0;
        for (var d = after.PlusDays(1); d <= through; d = d.PlusDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The calendar shipped with CaseFlow (Deadlines/Data/cn-workday-calendar.json).</summary>
    public static IReadOnlyList<CalendarYear> Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CaseFlow.Deadlines.cn-workday-calendar.json")
            ?? throw new InvalidOperationException("The shipped working-day calendar is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Reads the calendar file format: <c>{"source": "...", "years": {"2025": {"holidays": [...], "workdays": [...]}}}</c>.
    /// Throws <see cref="FormatException"/> with a readable message on bad input.
    /// </summary>
    public static IReadOnlyList<CalendarYear> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"节假日安排不是合法的 JSON（第 {e.LineNumber + 1 ?? 1} 行附近）。");
        }

        using (document)
        {
            var root = document.RootElement;
            var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            if (!root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("节假日安排缺少 \"years\" 对象（格式见 docs/cli.md 的 calendar load）。");
            }

            var result = new List<CalendarYear>();
            foreach (var year in years.EnumerateObject())
            {
                if (!int.TryParse(year.Name, out var number) || number < 2000 || number > 2100)
                {
                    throw new FormatException($"“{year.Name}”不是年份（应为 2000–2100 的四位数）。");
                }

                result.Add(new CalendarYear(number, Dates(year.Value, "holidays", number), Dates(year.Value, "workdays", number), source));
            }

            return result;
        }
    }

    private static List<LocalDate> Dates(JsonElement year, string property, int number)
    {
        if (!year.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{number} 年缺少 \"{property}\" 列表（{(property == "holidays" ? "放假日期" : "调休上班日期")}）。");
        }

        var dates = new List<LocalDate>();
        foreach (var item in list.EnumerateArray())
        {
            var parsed = LocalDatePattern.Iso.Parse(item.ValueKind == JsonValueKind.String ? item.GetString()! : "");
            if (!parsed.Success)
            {
                throw new FormatException($"{number} 年 \"{property}\" 中的“{item}”不是日期（应为 YYYY-MM-DD）。");
            }

            // A notice may reach back into the last days of the previous year, never further.
            if (parsed.Value.Year != number && !(parsed.Value.Year == number - 1 && parsed.Value.Month == 12))
            {
                throw new FormatException($"{number} 年 \"{property}\" 中的 {parsed.Value:yyyy-MM-dd} 属于其他年份。");
            }

            dates.Add(parsed.Value);
        }

        return dates;
    }
}

/// <summary>The result of counting working days, with what the count met: the raw material of an explanation.</summary>
public sealed record WorkingDayCount(
    LocalDate Start,
    int WorkingDays,
    LocalDate End,
    LocalDate FirstCountedDay,
    IReadOnlyList<LocalDate> HolidaysSkipped,
    IReadOnlyList<LocalDate> MakeUpDaysCounted,
    IReadOnlyList<LocalDate> PausedDaysSkipped,
    IReadOnlyList<int> UncoveredYears)
{
    public bool Provisional => UncoveredYears.Count > 0;
}
