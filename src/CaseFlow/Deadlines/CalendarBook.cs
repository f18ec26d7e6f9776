using CaseFlow.EventStore;
using Npgsql;

namespace CaseFlow.Deadlines;

/// <summary>
/// The working-day calendar in use: the notices shipped with CaseFlow plus those loaded into the database. Loading a
/// year replaces the current calendar at once, so every derived deadline moves with it.
/// </summary>
public sealed class CalendarBook(NpgsqlDataSource dataSource)
{
    private WorkdayCalendar _current = new(WorkdayCalendar.Shipped());

    public WorkdayCalendar Current => Volatile.Read(ref _current);

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var years = WorkdayCalendar.Shipped().ToDictionary(y => y.Year);
        await using var command = dataSource.CreateCommand("select year, holidays, workdays, source from cf.calendar_years order by year");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var year = reader.GetInt32(0);
            years[year] = new CalendarYear(year,
                reader.GetFieldValue<DateOnly[]>(1).Select(d => d.ToLocalDate()).ToList(),
                reader.GetFieldValue<DateOnly[]>(2).Select(d => d.ToLocalDate()).ToList(),
                reader.GetString(3));
        }

        Volatile.Write(ref _current, new WorkdayCalendar(years.Values));
    }

    /// <summary>Stores notices (replacing years already loaded) and reloads. Returns the years stored.</summary>
    public async Task<IReadOnlyList<int>> LoadAsync(IReadOnlyList<CalendarYear> years, string loadedBy, CancellationToken ct = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var year in years)
        {
            batch.BatchCommands.Add(Db.BatchCommand(
                """
                insert into cf.calendar_years (year, holidays, workdays, source, loaded_by) values ($1, $2, $3, $4, $5)
                on conflict (year) do update set holidays = excluded.holidays, workdays = excluded.workdays, source = excluded.source,
                                                 loaded_at = now(), loaded_by = excluded.loaded_by
                """,
                Db.Param(year.Year), Db.Param(year.Holidays.Select(d => d.ToDateOnly()).ToArray()), Db.Param(year.Workdays.Select(d => d.ToDateOnly()).ToArray()),
                Db.Param(year.Source), Db.Param(loadedBy)));
        }

        await batch.ExecuteNonQueryAsync(ct);
        await ReloadAsync(ct);
        return years.Select(y => y.Year).ToList();
    }
}
