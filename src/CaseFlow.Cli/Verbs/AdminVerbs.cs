using System.CommandLine;
using CaseFlow.Agencies;
using CaseFlow.Infrastructure;

namespace CaseFlow.Cli.Verbs;

/// <summary>Operations: schema, projection rebuilds, the upgrade from the earlier store, the agency directory.</summary>
internal static class AdminVerbs
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Create or upgrade the database schema (also done by every other verb). 创建或升级数据库结构。");
        command.SetAction((_, ct) => CliHost.RunAsync(async () =>
        {
            await using var host = await CliHost.OpenAsync(ct);
            Console.Out.WriteLine("schema up to date (Marten: es, rm; Wolverine: wolverine)");
            return 0;
        }));
        return command;
    }

    public static Command Policies()
    {
        var command = new Command("policies", "Print the named policies in effect (CASEFLOW_POLICIES over the defaults of ADRs 0003, 0004, 0007). 列出生效的口径设置。");
        command.SetAction(_ => CliHost.RunAsync(() =>
        {
            var settings = PolicySettings.Apply(new CaseFlowSettings("unused"), Environment.GetEnvironmentVariable(PolicySettings.Variable));
            foreach (var line in PolicySettings.Describe(settings))
            {
                Console.Out.WriteLine(line);
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command Rebuild()
    {
        var name = new Argument<string?>("projection") { Description = "The projection to rebuild (default: all). 要重建的投影（默认全部）。", Arity = ArgumentArity.ZeroOrOne };
        var beside = new Option<bool>("--beside")
        {
            Description = "Rebuild the request files beside the live table while the web app keeps running, then swap them in (only requests.files). 在线重建申请档案。",
        };
        var command = new Command("rebuild", "Rebuild read models from the events (stop the web app first for inline ones, or use --beside for the request files). 从事件重建读模型。") { name, beside };
        command.SetAction((parse, ct) => CliHost.RunAsync(async () =>
        {
            await using var host = await CliHost.OpenAsync(ct);
            var app = host.App;
            var known = Rebuilding.Names(app);
            var wanted = parse.GetValue(name);
            if (wanted is not null && !known.Contains(wanted))
            {
                throw new CliException("projection.unknown", $"没有名为“{wanted}”的投影；可为：{string.Join("、", known)}。");
            }

            if (parse.GetValue(beside))
            {
                if (wanted != "requests.files")
                {
                    throw new CliException("rebuild.beside-requests-only", "--beside 只用于申请档案：请用 rebuild requests.files --beside。");
                }

                using var besideProgress = new ProgressLine("重建 requests.files（在线）");
                var rebuilt = await Rebuilding.RebuildBesideAsync(app, new Progress<RebuildProgress>(p => besideProgress.Report(p.Sequence, p.HighWaterMark, "个事件")), ct);
                besideProgress.Done();
                Console.Out.WriteLine($"{rebuilt.Projection}: {rebuilt.HighWaterMark:N0} events in {rebuilt.Elapsed.TotalSeconds:0.0} s, swapped in while the app kept running");
                return 0;
            }

            foreach (var projection in wanted is null ? known : [wanted])
            {
                using var progress = new ProgressLine($"重建 {projection}");
                var result = await Rebuilding.RebuildAsync(app, projection, new Progress<RebuildProgress>(p => progress.Report(p.Sequence, p.HighWaterMark, "个事件")), ct);
                progress.Done();
                Console.Out.WriteLine($"{result.Projection}: {result.HighWaterMark:N0} events in {result.Elapsed.TotalSeconds:0.0} s");
            }

            return 0;
        }));
        return command;
    }

    public static Command MigrateStore()
    {
        var drop = new Option<bool>("--drop-old-tables") { Description = "After a recorded migration, drop the earlier store's tables (es.events, cf.*, …). 迁移完成后删除旧表。" };
        var command = new Command("migrate-store",
            "Upgrade a database of CaseFlow's earlier event store to Marten: copy every stream and event, accounts, templates, calendar years, " +
            "notifications and keys; rebuild the read models; check counts and a content hash. Re-running it does nothing. 从旧事件库迁移到 Marten。") { drop };
        command.SetAction((parse, ct) => CliHost.RunAsync(async () =>
        {
            await using var host = await CliHost.OpenAsync(ct, allowLegacyStore: true);
            var app = host.App;
            using var progress = new ProgressLine("迁移旧事件库");
            var result = await StoreMigration.MigrateAsync(app, new Progress<StoreMigrationProgress>(p => progress.Report(p.Done, p.Total, p.Step)), ct);
            progress.Done();
            if (result.NothingToMigrate)
            {
                Console.Out.WriteLine("nothing to migrate: this database holds no data of the earlier store");
            }
            else if (result.AlreadyMigrated)
            {
                Console.Out.WriteLine($"already migrated: {result.Streams:N0} streams, {result.Events:N0} events (content hash {result.ContentHash}); nothing done");
            }
            else
            {
                Console.Out.WriteLine($"migrated {result.Streams:N0} streams and {result.Events:N0} events in {result.Elapsed.TotalSeconds:0.0} s; " +
                    $"{result.Accounts} accounts, {result.Templates} template versions, {result.CalendarYears} calendar years, {result.Notifications} notifications, " +
                    $"{result.CommandKeys} idempotency keys; {result.RemindersPlanned} reminders planned, {result.MailsQueued} mails queued");
                Console.Out.WriteLine($"checked: counts, every event's data, content hash {result.ContentHash}");
            }

            if (parse.GetValue(drop))
            {
                Console.Out.WriteLine(await StoreMigration.DropLegacyTablesAsync(app, ct)
                    ? "dropped the earlier store's tables"
                    : "kept the earlier store's tables: no migration is recorded");
            }

            return 0;
        }));
        return command;
    }

    public static Command Agencies()
    {
        var list = new Command("list", "Registered agencies and their tree. 已登记的单位及层级。");
        list.SetAction((_, ct) => CliHost.RunAsync(async () =>
        {
            await using var host = await CliHost.OpenAsync(ct);
            foreach (var agency in await AgencyDirectory.AllAsync(host.App, ct))
            {
                Console.Out.WriteLine($"{agency.Code,-24} {agency.Name}{(agency.Parent is null ? "" : $"  (under {agency.Parent})")}");
            }

            return 0;
        }));
        return new Command("agencies", "Agencies (tenants). 单位。") { list };
    }
}
