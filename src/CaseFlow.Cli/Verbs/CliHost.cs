using System.Text.Encodings.Web;
using System.Text.Json;
using CaseFlow.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Text;
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
            : throw new CliException("CASEFLOW_DATABASE is not set: run CaseFlow through ops/caseflow, which starts the embedded PostgreSQL.");

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

    /// <summary>Runs a verb: a known failure prints one line and exits non-zero; nothing prints a stack trace.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (LegacyStoreNotMigratedException e)
        {
            await Console.Error.WriteLineAsync($"caseflow: store.not-migrated: {e.Message}");
            return 3;
        }
        catch (PolicySettingException e)
        {
            await Console.Error.WriteLineAsync($"caseflow: {e.Code}: {e.Message}");
            return 2;
        }
        catch (CaseFlow.Reporting.RollingUp.RollUpPlanException e)
        {
            await Console.Error.WriteLineAsync($"caseflow: {e.Code}: {e.Message}");
            return 1;
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"caseflow: {e.Message}");
            return e.ExitCode;
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            await Console.Error.WriteLineAsync($"caseflow: cannot reach the database: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("caseflow: cancelled");
            return 130;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("CASEFLOW_DEBUG") != "1")
        {
            await Console.Error.WriteLineAsync($"caseflow: unexpected failure ({e.GetType().Name}): {e.Message}");
            return 1;
        }
    }

    public static LocalDate ParseDate(string text, string option)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new CliException($"{option}: '{text}' is not a date of the form YYYY-MM-DD.");
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

internal sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
