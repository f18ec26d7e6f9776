using System.Text.Encodings.Web;
using System.Text.Json;
using CaseFlow.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Npgsql;

namespace CaseFlow.Cli.Verbs;

/// <summary>What every verb shares: the configuration, the app, and how failures become one line on standard error.</summary>
internal static class CliHost
{
    /// <summary>Output JSON: indented, Chinese unescaped, and nulls written out (the contract shows them).</summary>
    public static readonly JsonSerializerOptions OutputJson = new(CaseFlowJson.Create())
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable("CASEFLOW_DATABASE") is { Length: > 0 } value
            ? value
            : throw new CliException("config.database-missing", "未设置 CASEFLOW_DATABASE：请通过 ops/caseflow 运行，它会启动内置的 PostgreSQL。", 2);

    public static CaseFlowSettings Settings() => Settings(ConnectionString());

    public static CaseFlowSettings Settings(string connectionString) => PolicySettings.Apply(new(connectionString)
    {
        TimeZone = Environment.GetEnvironmentVariable("CASEFLOW_TIMEZONE") is { Length: > 0 } zone ? zone : "Asia/Shanghai",
    }, Environment.GetEnvironmentVariable(PolicySettings.Variable));

    /// <summary>
    /// Starts CaseFlow in this process as a command-line node: Marten (schema applied if needed) and Wolverine (to schedule
    /// through the outbox; it claims no agents, so the web nodes run what it schedules). Its generated handler code is
    /// loaded statically: nothing is compiled at run time.
    /// </summary>
    public static async Task<CliApp> OpenAsync(CancellationToken ct, bool allowLegacyStore = false) =>
        new(await CaseFlowHosting.StartAsync(Settings() with { Node = CaseFlowNode.Cli, AllowLegacyStore = allowLegacyStore }, SystemClock.Instance, ct));

    /// <summary>CaseFlow on another database than <c>CASEFLOW_DATABASE</c> (a source of a cross-database roll-up).</summary>
    public static async Task<CliApp> OpenAsync(string connectionString, CancellationToken ct) =>
        new(await CaseFlowHosting.StartAsync(Settings(connectionString) with { Node = CaseFlowNode.Cli }, SystemClock.Instance, ct));

    /// <summary>
    /// Runs a verb: a known failure prints one line, <c>caseflow: code: 中文说明</c>, and exits non-zero; nothing prints a
    /// stack trace or .NET's own text (CASEFLOW_DEBUG=1 lets an unexpected failure through, with its trace).
    /// </summary>
    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (LegacyStoreNotMigratedException e)
        {
            return await FailAsync("store.not-migrated", e.Message, 3);
        }
        catch (PolicySettingException e)
        {
            return await FailAsync(e.Code, e.Message, 2);
        }
        catch (CaseFlow.Reporting.RollingUp.RollUpPlanException e)
        {
            return await FailAsync(e.Code, e.Message, 1);
        }
        catch (CliException e)
        {
            return await FailAsync(e.Code, e.Message, e.ExitCode);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            return await FailAsync("database.login-failed", $"数据库拒绝登录（{Server()}）：CASEFLOW_DATABASE 中的用户名或密码不对。", 2);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return await FailAsync("database.not-found", $"数据库服务器 {Server()} 上没有 CASEFLOW_DATABASE 指定的数据库：请先创建它。", 2);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            return await FailAsync("database.unreachable", $"无法连接数据库（{Server()}）：请确认 PostgreSQL 已启动，且 CASEFLOW_DATABASE 正确。", 2);
        }
        catch (OperationCanceledException)
        {
            return await FailAsync("cancelled", "已取消：未完成的部分没有写入。", 130);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("CASEFLOW_DEBUG") != "1")
        {
            return await FailAsync("internal.unexpected", $"意外错误（{e.GetType().Name}）。设置 CASEFLOW_DEBUG=1 重新运行可看到详细信息，请报告给维护人员。", 1);
        }
    }

    private static async Task<int> FailAsync(string code, string message, int exitCode)
    {
        await Console.Error.WriteLineAsync($"caseflow: {code}: {message}");
        return exitCode;
    }

    /// <summary>Host and port of the configured database, never its password.</summary>
    private static string Server()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString());
            return $"{builder.Host}:{builder.Port}";
        }
        catch (Exception e) when (e is ArgumentException or CliException)
        {
            return "CASEFLOW_DATABASE";
        }
    }

    public static CliException AgencyNotFound(string agency) =>
        new("agency.not-found", $"单位“{agency}”未登记（ops/caseflow agencies list 列出已登记的单位；新单位用 register-agency 导入）。");

    public static void RequireReportYear(int year, LocalDate today)
    {
        if (CaseFlow.Reporting.ReportYears.Refusal(year, today) is { } why)
        {
            throw new CliException("input.invalid-year", why + "。");
        }
    }

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, OutputJson));
}

/// <summary>CaseFlow started for one verb; disposing stops it (Wolverine flushes what was scheduled).</summary>
internal sealed class CliApp(IHost host) : IAsyncDisposable
{
    public CaseFlowApp App { get; } = host.Services.GetRequiredService<CaseFlowApp>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

/// <summary>A failure the operator can act on: its stable code, a Chinese message saying what to do, and the exit code.</summary>
internal sealed class CliException(string code, string message, int exitCode = 1) : Exception(message)
{
    public string Code { get; } = code;

    public int ExitCode { get; } = exitCode;
}
