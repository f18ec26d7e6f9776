using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Agencies.Registering;
using CaseFlow.Infrastructure;
using CaseFlow.Requests;

namespace CaseFlow.Importing;

public enum ImportLineStatus
{
    Applied,
    Skipped,
    Rejected,
}

public sealed record ImportLineResult(int Line, ImportLineStatus Status, string? Code = null, string? Message = null)
{
    /// <summary>The agency the line wrote to (for the restatements after the import).</summary>
    public string? Agency { get; init; }

    /// <summary>What the officer should know about an applied line (printed, never a rejection).</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
}

public sealed record ImportSummary(int Applied, int Skipped, int Rejected)
{
    public override string ToString() => $"applied {Applied}, skipped {Skipped}, rejected {Rejected}";
}

/// <summary>
/// <c>caseflow import FILE.jsonl</c> (docs/cli.md, the import contract): one command per line, run in file order through
/// the same use cases as the API. A line's identity is its <c>id</c>, or else the SHA-256 of its canonical JSON, so a
/// re-run skips what was applied. A rejected line writes nothing and is reported with its number, code and message.
/// </summary>
public static class JsonlImport
{
    private static readonly JsonSerializerOptions s_canonicalJson = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Lines of one agency that only touch request streams go to the database together, this many at most.</summary>
    public const int BatchSize = 500;

    /// <summary>The verbs whose use case writes one request stream and reads nothing another line of the batch writes.</summary>
    private static readonly HashSet<string> s_batchable = new(StringComparer.Ordinal)
    {
        "receive", "assign", "request-clarification", "receive-clarification", "extend", "start-consultation", "end-consultation",
        "ask-volume-reasons", "set-delayed-answer-date", "issue-fee-notice", "pay-fee", "answer", "withdraw", "deliver-answer",
    };

    private sealed record PendingLine(int Number, string Line, string Key, string Reference);

    public static async Task<ImportSummary> RunAsync(CaseFlowApp app, Actor actor, TextReader input, bool stopOnError, Action<ImportLineResult> report, CancellationToken ct)
    {
        int applied = 0, skipped = 0, rejected = 0, number = 0;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<PendingLine>();
        string? pendingAgency = null;

        // Counts a result; false when the import must stop here.
        bool Count(ImportLineResult result)
        {
            report(result);
            switch (result.Status)
            {
                case ImportLineStatus.Applied:
                    applied++;
                    if (result.Agency is { } agency)
                    {
                        changed.Add(agency);
                    }

                    return true;
                case ImportLineStatus.Skipped:
                    skipped++;
                    return true;
                default:
                    rejected++;
                    return !stopOnError;
            }
        }

        async Task<bool> FlushAsync()
        {
            if (pending.Count == 0)
            {
                return true;
            }

            var lines = pending.ToList();
            pending.Clear();
            foreach (var result in await RunBatchAsync(app, actor, pendingAgency!, lines, stopOnError, ct))
            {
                if (!Count(result))
                {
                    return false;
                }
            }

            return true;
        }

        while (await input.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Batchable(line) is { } batchable)
            {
                if (pending.Count > 0 && (pendingAgency != batchable.Agency || pending.Count >= BatchSize) && !await FlushAsync())
                {
                    break;
                }

                pendingAgency = batchable.Agency;
                pending.Add(new PendingLine(number, line, batchable.Key, batchable.Reference));
                continue;
            }

            if (!await FlushAsync() || !Count(await RunLineAsync(app, actor, number, line, ct)))
            {
                pending.Clear();
                break;
            }
        }

        await FlushAsync();
        await RestateAsync(app, actor, changed, ct);
        return new ImportSummary(applied, skipped, rejected);
    }

    /// <summary>The agency and key of a line that can join a batch; null for any other line (it runs on its own).</summary>
    private static (string Agency, string Key, string Reference)? Batchable(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject json
                && (json["command"] as JsonValue)?.TryGetValue<string>(out var verb) == true && s_batchable.Contains(verb)
                && (json["agency"] as JsonValue)?.TryGetValue<string>(out var agency) == true && !string.IsNullOrWhiteSpace(agency))
            {
                return (agency, CommandIdOf(json), (json["request"] as JsonValue)?.TryGetValue<string>(out var r) == true ? r.Trim() : "");
            }
        }
        catch (JsonException)
        {
            // Not JSON: it runs on its own and is rejected with its own message.
        }

        return null;
    }

    /// <summary>
    /// Runs lines in one transaction: each is decided on the state the earlier ones left, and the batch commits whole.
    /// If the commit fails (another writer, a race), nothing of it was written and the lines run again one by one.
    /// </summary>
    private static async Task<IReadOnlyList<ImportLineResult>> RunBatchAsync(CaseFlowApp app, Actor actor, string agency, IReadOnlyList<PendingLine> lines, bool stopOnError,
        CancellationToken ct)
    {
        if (lines.Count == 1)
        {
            return [await RunLineAsync(app, actor, lines[0].Number, lines[0].Line, ct)];
        }

        var results = new List<ImportLineResult>(lines.Count);
        try
        {
            await using var batch = WriteBatch.Begin(app, agency);
            await batch.PreloadAsync<Requests.GettingDetails.RequestFile>([.. lines.Select(l => l.Key)],
                [.. lines.Where(l => l.Reference.Length > 0).Select(l => StreamIds.Request(agency, l.Reference))], ct);
            foreach (var line in lines)
            {
                var result = await RunLineAsync(app, actor, line.Number, line.Line, ct);
                results.Add(result);
                if (stopOnError && result.Status == ImportLineStatus.Rejected)
                {
                    break;
                }
            }

            await batch.CommitAsync(ct);
            return results;
        }
        catch (Exception e) when (Commands.IsLostRace(e) || e is Npgsql.NpgsqlException or Marten.Exceptions.MartenCommandException)
        {
            results.Clear();
            foreach (var line in lines)
            {
                var result = await RunLineAsync(app, actor, line.Number, line.Line, ct);
                results.Add(result);
                if (stopOnError && result.Status == ImportLineStatus.Rejected)
                {
                    break;
                }
            }

            return results;
        }
    }

    /// <summary>
    /// Facts imported for a closed year change its report: restate it now (the web app's restatement job would do it
    /// within seconds, but an import has no job runner and its user expects the versions current when it ends).
    /// </summary>
    private static async Task RestateAsync(CaseFlowApp app, Actor actor, IEnumerable<string> agencies, CancellationToken ct)
    {
        foreach (var agency in agencies)
        {
            await Reporting.Closing.Restating.RestateClosedYearsAsync(app, actor, agency, ct);
        }
    }

    public static async Task<ImportLineResult> RunLineAsync(CaseFlowApp app, Actor actor, int number, string line, CancellationToken ct)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, "input.not-json", $"不是一个 JSON 对象：{e.Message}");
        }

        var verb = (json["command"] as JsonValue)?.TryGetValue<string>(out var v) == true ? v : null;
        var agency = (json["agency"] as JsonValue)?.TryGetValue<string>(out var a) == true ? a : null;
        if (verb is null)
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, "input.command-missing", "缺少 command 字段。");
        }

        if (string.IsNullOrWhiteSpace(agency))
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, "input.invalid", "缺少 agency 字段（机关代码）。");
        }

        var options = new WriteOptions(CommandId: CommandIdOf(json), CorrelationId: $"import:{number}", PayloadHash: PayloadHashOf(json));
        CommandOutcome outcome;
        try
        {
            outcome = await DispatchAsync(app, actor, verb, agency, json, options, ct);
        }
        catch (UnknownCommandException)
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, "input.command-unknown", $"未知的命令“{verb}”。");
        }
        catch (JsonException e)
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, "input.invalid", $"字段格式错误（{e.Path?.TrimStart('$', '.')}）：{Friendly(e)}");
        }

        return outcome switch
        {
            CommandOutcome.AlreadyApplied => new ImportLineResult(number, ImportLineStatus.Skipped),
            CommandOutcome.Rejected r => new ImportLineResult(number, ImportLineStatus.Rejected, r.Code, r.Message),
            CommandOutcome.Applied applied => new ImportLineResult(number, ImportLineStatus.Applied) { Agency = agency, Warnings = applied.Warnings },
            _ => new ImportLineResult(number, ImportLineStatus.Applied) { Agency = agency },
        };
    }

    private static Task<CommandOutcome> DispatchAsync(CaseFlowApp app, Actor actor, string verb, string agency, JsonObject line, WriteOptions options, CancellationToken ct)
    {
        var reference = (line["request"] as JsonValue)?.TryGetValue<string>(out var r) == true ? r.Trim() : "";
        T Body<T>() => line.Deserialize<T>(app.Json) ?? throw new JsonException("empty");
        Task<CommandOutcome> OnRequest(Func<string, Task<CommandOutcome>> run) =>
            string.IsNullOrWhiteSpace(reference)
                ? Task.FromResult<CommandOutcome>(new CommandOutcome.Rejected(Guid.Empty, 0, "input.invalid", "缺少 request 字段（申请编号）。", RejectionKind.Rule))
                : run(reference);

        return verb switch
        {
            "register-agency" => AgencyRegistration.HandleAsync(app, actor, Body<RegisterAgencyBody>(), options, ct),
            "receive" => Receiving.HandleAsync(app, actor, agency, Body<ReceiveRequestBody>(), options, ct),
            "assign" => OnRequest(reference => Assigning.HandleAsync(app, actor, agency, reference, Body<AssignOfficerBody>(), options, ct)),
            "request-clarification" => OnRequest(reference => Clarifying.RequestAsync(app, actor, agency, reference, Body<RequestClarificationBody>(), options, ct)),
            "receive-clarification" => OnRequest(reference => Clarifying.ReceiveAsync(app, actor, agency, reference, Body<ReceiveClarificationBody>(), options, ct)),
            "extend" => OnRequest(reference => Extending.HandleAsync(app, actor, agency, reference, Body<ApproveExtensionBody>(), options, ct)),
            "start-consultation" => OnRequest(reference => Consulting.StartAsync(app, actor, agency, reference, Body<StartConsultationBody>(), options, ct)),
            "end-consultation" => OnRequest(reference => Consulting.EndAsync(app, actor, agency, reference, Body<EndConsultationBody>(), options, ct)),
            "ask-volume-reasons" => OnRequest(reference => Delaying.AskAsync(app, actor, agency, reference, Body<AskVolumeReasonsBody>(), options, ct)),
            "set-delayed-answer-date" => OnRequest(reference => Delaying.SetAsync(app, actor, agency, reference, Body<SetDelayedAnswerDateBody>(), options, ct)),
            "issue-fee-notice" => OnRequest(reference => Fees.IssueAsync(app, actor, agency, reference, Body<IssueFeeNoticeBody>(), options, ct)),
            "pay-fee" => OnRequest(reference => Fees.PayAsync(app, actor, agency, reference, Body<PayFeeBody>(), options, ct)),
            "answer" => OnRequest(reference => Answering.HandleAsync(app, actor, agency, reference, Body<AnswerRequestBody>(), options, ct)),
            "withdraw" => OnRequest(reference => Withdrawing.HandleAsync(app, actor, agency, reference, Body<WithdrawRequestBody>(), options, ct)),
            "deliver-answer" => OnRequest(reference => Reviews.CaseProgress.DeliverAnswerAsync(app, actor, agency, reference, Body<Reviews.CaseStepBody>(), options, ct)),
            "file-review" => Reviews.FilingCases.FileReviewAsync(app, actor, agency, Body<Reviews.FileReviewBody>(), options, ct),
            "decide-review" => Reviews.DecidingCases.DecideReviewAsync(app, actor, agency, Body<Reviews.DecideReviewBody>(), options, ct),
            "file-lawsuit" => Reviews.FilingCases.FileLawsuitAsync(app, actor, agency, Body<Reviews.FileLawsuitBody>(), options, ct),
            "decide-lawsuit" => Reviews.DecidingCases.DecideLawsuitAsync(app, actor, agency, Body<Reviews.DecideLawsuitBody>(), options, ct),
            "request-review-correction" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.RequestReviewCorrection, Body<Reviews.CaseStepBody>(), options, ct),
            "receive-review-correction" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.ReceiveReviewCorrection, Body<Reviews.CaseStepBody>(), options, ct),
            "accept-review" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.AcceptReview, Body<Reviews.CaseStepBody>(), options, ct),
            "deliver-review-decision" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.DeliverReviewDecision, Body<Reviews.CaseStepBody>(), options, ct),
            "register-lawsuit" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.RegisterLawsuit, Body<Reviews.CaseStepBody>(), options, ct),
            "appeal-judgment" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.AppealJudgment, Body<Reviews.CaseStepBody>(), options, ct),
            "judgment-in-force" => Reviews.CaseProgress.HandleAsync(app, actor, agency, Reviews.CaseProgress.Step.JudgmentInForce, Body<Reviews.CaseStepBody>(), options, ct),
            "receive-case-copy" => Reviews.CaseProgress.AgencyStepAsync(app, actor, agency, false, Body<Reviews.CaseStepBody>(), options, ct),
            "submit-case-reply" => Reviews.CaseProgress.AgencyStepAsync(app, actor, agency, true, Body<Reviews.CaseStepBody>(), options, ct),
            "record-disclosure-stats" => Reporting.Stats.RecordingDisclosureStats.HandleAsync(app, actor, agency, Body<Reporting.Stats.RecordDisclosureStatsBody>(), options, ct),
            "close-year" => Reporting.Closing.ClosingYear.HandleAsync(app, actor, agency, Body<Reporting.Closing.CloseYearBody>(), options, null, ct),
            _ => throw new UnknownCommandException(),
        };
    }

    /// <summary>The line's <c>id</c>, or the SHA-256 of its canonical JSON (keys sorted, no insignificant whitespace).</summary>
    public static string CommandIdOf(JsonObject line)
    {
        if (line["id"] is JsonValue id && id.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        if (line["id"] is JsonValue numeric && numeric.GetValueKind() == JsonValueKind.Number)
        {
            return numeric.ToJsonString();
        }

        var canonical = Canonical(line)!.ToJsonString(s_canonicalJson);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The hash of the line's canonical JSON: a line id reused with other content is refused (409 command.key-reused).</summary>
    public static string PayloadHashOf(JsonObject line) => Commands.PayloadHash(Canonical(line)!.ToJsonString(s_canonicalJson));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue value => value.DeepClone(),
        _ => null,
    };

    private static string Friendly(JsonException e) =>
        e.InnerException?.Message ?? (e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "类型不符" : e.Message);

    private sealed class UnknownCommandException : Exception;
}
