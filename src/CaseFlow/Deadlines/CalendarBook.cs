using CaseFlow.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using NodaTime;

namespace CaseFlow.Deadlines;

/// <summary>
/// A year's holiday notice (国务院办公厅关于…部分节假日安排的通知) loaded: a fact in the year's stream (system tenant), so
/// who loaded which version, when and from which notice stays on record, and the earlier versions with it.
/// </summary>
public sealed record CalendarYearLoaded(int Year, IReadOnlyList<LocalDate> Holidays, IReadOnlyList<LocalDate> Workdays, string Source);

/// <summary>The year as last loaded (an inline document), with who loaded it and when.</summary>
public sealed record CalendarYearRecord
{
    public Guid Id { get; init; }
    public int Year { get; init; }
    public IReadOnlyList<LocalDate> Holidays { get; init; } = [];
    public IReadOnlyList<LocalDate> Workdays { get; init; } = [];
    public string Source { get; init; } = "";
    public string? LoadedBy { get; init; }
    public Instant LoadedAt { get; init; }
    public long Version { get; init; }
}

public sealed class CalendarYearProjection : SingleStreamProjection<CalendarYearRecord, Guid>
{
    public CalendarYearProjection()
    {
        Name = "deadlines.calendar-years";
        IncludeType<CalendarYearLoaded>();
    }

    public override CalendarYearRecord? Evolve(CalendarYearRecord? snapshot, Guid id, IEvent e) => e.Data is CalendarYearLoaded l
        ? new CalendarYearRecord
        {
            Id = id,
            Year = l.Year,
            Holidays = l.Holidays,
            Workdays = l.Workdays,
            Source = l.Source,
            LoadedBy = e.UserName,
            LoadedAt = Instant.FromDateTimeOffset(e.Timestamp),
            Version = e.Version,
        }
        : snapshot;
}

/// <summary>
/// The working-day calendar in use: the notices shipped with CaseFlow plus those loaded into the database. Loading a
/// year replaces the current calendar at once, so every derived deadline moves with it.
/// </summary>
public sealed class CalendarBook(CaseFlowApp app)
{
    private WorkdayCalendar _current = new(WorkdayCalendar.Shipped());

    public WorkdayCalendar Current => Volatile.Read(ref _current);

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var years = WorkdayCalendar.Shipped().ToDictionary(y => y.Year);
        await using var query = app.Query(MartenSetup.SystemTenant);
        foreach (var loaded in await query.Query<CalendarYearRecord>().OrderBy(y => y.Year).ToListAsync(ct))
        {
            years[loaded.Year] = new CalendarYear(loaded.Year, loaded.Holidays, loaded.Workdays, loaded.Source);
        }

        Volatile.Write(ref _current, new WorkdayCalendar(years.Values));
    }

    /// <summary>Records the notices (a year loaded again keeps its earlier versions in its stream) and reloads.</summary>
    public async Task<IReadOnlyList<int>> LoadAsync(IReadOnlyList<CalendarYear> years, string loadedBy, CancellationToken ct = default)
    {
        await using var session = app.Store.LightweightSession(MartenSetup.SystemTenant);
        session.LastModifiedBy = loadedBy;
        foreach (var year in years)
        {
            var stream = await session.Events.FetchForWriting<CalendarYearRecord>(StreamIds.CalendarYear(year.Year), ct);
            if (stream.Aggregate is { } current && current.Holidays.SequenceEqual(year.Holidays) && current.Workdays.SequenceEqual(year.Workdays) && current.Source == year.Source)
            {
                continue;
            }

            stream.AppendOne(new CalendarYearLoaded(year.Year, year.Holidays, year.Workdays, year.Source));
        }

        await session.SaveChangesAsync(ct);
        await ReloadAsync(ct);
        return years.Select(y => y.Year).ToList();
    }
}
