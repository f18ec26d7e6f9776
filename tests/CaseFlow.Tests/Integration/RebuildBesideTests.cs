using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Tests.Support;
using Marten;
using static CaseFlow.Tests.Support.Facts;

namespace CaseFlow.Tests.Integration;

/// <summary>
/// <c>rebuild requests.files --beside</c> under load: officers keep assigning requests (each a write through the
/// inline projection) and the lists keep reading while the request files are rebuilt beside the live table and swapped
/// in. No update made during it is lost, and no read ever finds the table empty.
/// </summary>
public sealed class RebuildBesideTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const int Requests = 300;

    [Fact]
    public async Task A_rebuild_beside_the_live_table_loses_no_update_made_during_it_and_readers_never_see_it_empty()
    {
        var ledger = new Ledger(fx, "rb").Register("重建测试局");
        var references = Enumerable.Range(0, Requests).Select(i => ledger.Receive(D(2026, 6, 1), reference: $"RB-{i:D4}")).ToList();
        (await ledger.ImportAsync()).Rejected.ShouldBe(0);
        // Two officers, taken in turn: a request is reassigned every seventh round, so each time to the other one.
        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "officer-0", "rb", "李娜", "password-123", [CaseFlow.Users.Role.Officer]);
        await CaseFlow.Users.UserAccounts.CreateAsync(fx.App, "officer-1", "rb", "王强", "password-123", [CaseFlow.Users.Role.Officer]);

        // Writers: assign each request to the other officer, over and over, until the rebuild has ended. The last officer
        // each request got is what its file must say afterwards.
        var lastOfficer = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested || round < 2; round++)
            {
                foreach (var reference in references.Where((_, i) => i % 7 == round % 7))
                {
                    var officer = $"officer-{round % 2}";
                    var outcome = await Assigning.HandleAsync(fx.App, Actor.System, "rb", reference, new AssignOfficerBody(officer, D(2026, 6, 2)), WriteOptions.None, default);
                    outcome.ShouldBeOfType<CommandOutcome.Applied>();
                    lastOfficer[reference] = officer;
                    Interlocked.Increment(ref writes);
                }
            }
        });

        // Readers: the request files are counted all along; none may find the table empty or short.
        var smallest = int.MaxValue;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var query = fx.App.Query("rb");
                smallest = Math.Min(smallest, await query.Query<RequestFile>().CountAsync());
            }
        });

        while (Volatile.Read(ref writes) < 10)
        {
            await Task.Delay(10);
        }

        var writesAtStart = Volatile.Read(ref writes);
        var result = await Rebuilding.RebuildBesideAsync(fx.App, null, default);
        var writesDuring = Volatile.Read(ref writes) - writesAtStart;
        await stop.CancelAsync();
        await Task.WhenAll(writer, reader);

        result.Projection.ShouldBe("requests.files");
        writesDuring.ShouldBeGreaterThan(0);
        smallest.ShouldBe(Requests);
        await using var after = fx.App.Query("rb");
        var files = await after.Query<RequestFile>().ToListAsync();
        files.Count.ShouldBe(Requests);
        foreach (var file in files)
        {
            file.Officer.ShouldBe(lastOfficer.GetValueOrDefault(file.Reference), file.Reference);
            file.Version.ShouldBe((await after.Events.FetchStreamStateAsync(file.Id))!.Version, file.Reference);
        }

        // The live table is the rebuilt one, in its schema, and the schema beside it is gone.
        await using var schema = fx.App.DataSource.CreateCommand($"select count(*) from pg_namespace where nspname = '{Rebuilding.BesideSchema}'");
        ((long)(await schema.ExecuteScalarAsync())!).ShouldBe(0);
    }
}
