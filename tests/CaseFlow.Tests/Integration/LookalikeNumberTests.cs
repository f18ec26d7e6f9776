using CaseFlow.Importing;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;
using CaseFlow.Tests.Support;

namespace CaseFlow.Tests.Integration;

/// <summary>A number that only looks different (full-width, letter case) is refused as the request already registered.</summary>
public sealed class LookalikeNumberTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private Task<CommandOutcome> ReceiveAsync(string agency, string reference) =>
        Receiving.HandleAsync(fx.App, Actor.System, agency, new ReceiveRequestBody(reference, fx.App.Today, "in-person", new ApplicantBody("natural-person", "张三")), WriteOptions.None, default);

    [Fact]
    public async Task A_full_width_or_lower_case_copy_of_a_registered_number_is_refused_and_writes_nothing()
    {
        await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 1, """{"command":"register-agency","agency":"look","name":"编号测试局"}""", default);
        (await ReceiveAsync("look", "WJ-2026-001")).ShouldBeOfType<CommandOutcome.Applied>();
        var events = await fx.EventCountAsync("look");

        foreach (var lookalike in new[] { "ＷＪ－２０２６－００１", "wj-2026-001", "Wj-2026-001" })
        {
            var refused = (await ReceiveAsync("look", lookalike)).ShouldBeOfType<CommandOutcome.Rejected>();
            refused.Code.ShouldBe("request.lookalike-exists");
            refused.Kind.ShouldBe(RejectionKind.Conflict);
            refused.Message.ShouldContain("WJ-2026-001");
        }

        (await fx.EventCountAsync("look")).ShouldBe(events);
        (await fx.RequestFileCountAsync("look")).ShouldBe(1);
        // The number as typed is still the registered one, and a different number is not caught.
        (await ReceiveAsync("look", "WJ-2026-001")).ShouldBeOfType<CommandOutcome.Rejected>().Code.ShouldBe("request.already-received");
        (await ReceiveAsync("look", "WJ-2026-002")).ShouldBeOfType<CommandOutcome.Applied>();
    }

    [Fact]
    public async Task In_one_import_the_second_of_two_look_alikes_is_refused_and_a_rerun_skips_the_first()
    {
        var lines = string.Join("\n",
            """{"command":"register-agency","agency":"look-imp","name":"导入编号测试局"}""",
            """{"command":"receive","agency":"look-imp","request":"A-1","receivedOn":"2026-06-01","channel":"online","applicant":{"type":"natural-person","name":"张三"}}""",
            """{"command":"receive","agency":"look-imp","request":"B-1","receivedOn":"2026-06-01","channel":"online","applicant":{"type":"natural-person","name":"李四"}}""",
            """{"command":"receive","agency":"look-imp","request":"ａ-1","receivedOn":"2026-06-02","channel":"online","applicant":{"type":"natural-person","name":"王五"}}""");

        async Task<List<ImportLineResult>> RunAsync()
        {
            var results = new List<ImportLineResult>();
            await JsonlImport.RunAsync(fx.App, Actor.Cli(), new StringReader(lines), false, results.Add, default);
            return results;
        }

        var first = await RunAsync();
        first.Select(r => r.Status).ShouldBe([ImportLineStatus.Applied, ImportLineStatus.Applied, ImportLineStatus.Applied, ImportLineStatus.Rejected]);
        first[3].Code.ShouldBe("request.lookalike-exists");
        (await fx.RequestFileCountAsync("look-imp")).ShouldBe(2);

        var again = await RunAsync();
        again.Select(r => r.Status).ShouldBe([ImportLineStatus.Skipped, ImportLineStatus.Skipped, ImportLineStatus.Skipped, ImportLineStatus.Rejected]);
        (await fx.RequestFileCountAsync("look-imp")).ShouldBe(2);
    }

    [Fact]
    public async Task Request_files_written_before_the_key_existed_get_it_at_start_up()
    {
        await JsonlImport.RunLineAsync(fx.App, Actor.Cli(), 1, """{"command":"register-agency","agency":"look-old","name":"旧数据测试局"}""", default);
        (await ReceiveAsync("look-old", "old-7")).ShouldBeOfType<CommandOutcome.Applied>();
        await fx.ScalarAsync("with u as (update rm.mt_doc_request_files set reference_key = null where tenant_id = 'look-old' returning 1) select count(*) from u");
        (await ReceiveAsync("look-old", "OLD-7")).ShouldBeOfType<CommandOutcome.Applied>("without its key an old file is not found: the gap the backfill closes");

        await fx.ScalarAsync("with u as (update rm.mt_doc_request_files set reference_key = null where tenant_id = 'look-old' returning 1) select count(*) from u");
        await RequestNumbers.BackfillKeysAsync(fx.App.DataSource, MartenSetup.ReadSchema, default);

        (await fx.ScalarAsync("select count(*) from rm.mt_doc_request_files where tenant_id = 'look-old' and reference_key = 'OLD-7'")).ShouldBe(2);
        (await ReceiveAsync("look-old", "ｏｌｄ-7")).ShouldBeOfType<CommandOutcome.Rejected>().Code.ShouldBe("request.lookalike-exists");
        // Each of the two old look-alikes received again is itself, not the other's look-alike.
        (await ReceiveAsync("look-old", "old-7")).ShouldBeOfType<CommandOutcome.Rejected>().Code.ShouldBe("request.already-received");
        (await ReceiveAsync("look-old", "OLD-7")).ShouldBeOfType<CommandOutcome.Rejected>().Code.ShouldBe("request.already-received");
    }
}
