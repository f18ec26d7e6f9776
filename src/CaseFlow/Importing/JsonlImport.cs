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

    private sealed record PendingLine(int Number, JsonObject Json, LineKeys Keys, string Reference);

    /// <summary>A line's idempotency key and the hash of its content, from one canonical form.</summary>
    private sealed record LineKeys(string CommandId, string PayloadHash);

    /// <summary>
    /// Batches in flight at once. Two batches whose request streams are disjoint cannot read what the other writes, so
    /// the next one is decided while the one before commits: the client's work (parsing, deciding, building the commit)
    /// and the database's overlap. A batch that shares a stream with one in flight waits for it.
    /// </summary>
    public const int BatchesInFlight = 2;

    /// <param name="restated">Told of every closed year's report the import restated (never silent: the operator sees
    /// which report moved to which version, and the cells that changed).</param>
    /// <param name="refuseClosedYears">
    /// <c>--no-restate</c>: a line dated in a year whose report is closed is refused (<c>report.year-closed</c>) instead of
    /// applied and restated, so that an operator decides. A line already applied is still skipped.
    /// </param>
    public static async Task<ImportSummary> RunAsync(CaseFlowApp app, Actor actor, TextReader input, bool stopOnError, Action<ImportLineResult> report, CancellationToken ct,
        Action<Reporting.Closing.Restatement>? restated = null, bool refuseClosedYears = false)
    {
        var closedYears = refuseClosedYears ? new ClosedYearGuard(app) : null;
        int applied = 0, skipped = 0, rejected = 0, number = 0;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<PendingLine>();
        string? pendingAgency = null;
        var inFlight = new Queue<(Task<IReadOnlyList<ImportLineResult>> Results, HashSet<Guid> Streams)>();

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

        // Reports the oldest batch in flight, in file order; false when the import must stop.
        async Task<bool> CompleteOldestAsync()
        {
            var (results, _) = inFlight.Dequeue();
            foreach (var result in await results)
            {
                if (!Count(result))
                {
                    return false;
                }
            }

            return true;
        }

        async Task<bool> DrainAsync()
        {
            while (inFlight.Count > 0)
            {
                if (!await CompleteOldestAsync())
                {
                    return false;
                }
            }

            return true;
        }

        // Starts the pending lines as a batch once no batch in flight shares a stream with it (and, when the import
        // stops at the first rejection, once every earlier batch has been reported).
        async Task<bool> FlushAsync()
        {
            if (pending.Count == 0)
            {
                return true;
            }

            var lines = pending.ToList();
            var agency = pendingAgency!;
            pending.Clear();
            var streams = lines.Where(l => l.Reference.Length > 0).Select(l => StreamIds.Request(agency, l.Reference)).ToHashSet();
            while (inFlight.Count > 0 && (stopOnError || inFlight.Count >= BatchesInFlight || inFlight.Any(b => b.Streams.Overlaps(streams))))
            {
                if (!await CompleteOldestAsync())
                {
                    return false;
                }
            }

            inFlight.Enqueue((Task.Run(() => RunBatchAsync(app, actor, agency, lines, stopOnError, closedYears, ct), ct), streams));
            return true;
        }

        var stopped = false;
        while (await input.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = Parse(line);
            if (parsed.Json is { } json && Batchable(json) is { } batchable)
            {
                if (pending.Count > 0 && (pendingAgency != batchable.Agency || pending.Count >= BatchSize) && !await FlushAsync())
                {
                    stopped = true;
                    break;
                }

                pendingAgency = batchable.Agency;
                pending.Add(new PendingLine(number, json, KeysOf(json), batchable.Reference));
                continue;
            }

            // Any other line may read what a batch writes (an agency, a review's request): everything before it lands first.
            if (!await FlushAsync() || !await DrainAsync() || !Count(await RunParsedAsync(app, actor, number, parsed, ct, closedYears)))
            {
                stopped = true;
                break;
            }
        }

        if (!stopped && await FlushAsync())
        {
            await DrainAsync();
        }
        else
        {
            // A stop comes only with stopOnError, which keeps one batch in flight at most: this waits for nothing, but a
            // batch must never outlive the import.
            await Task.WhenAll(inFlight.Select(b => b.Results));
        }

        foreach (var restatement in await RestateAsync(app, actor, changed, ct))
        {
            restated?.Invoke(restatement);
        }

        return new ImportSummary(applied, skipped, rejected);
    }

    /// <summary>The agency and request of a line that can join a batch; null for any other line (it runs on its own).</summary>
    private static (string Agency, string Reference)? Batchable(JsonObject json) =>
        (json["command"] as JsonValue)?.TryGetValue<string>(out var verb) == true && s_batchable.Contains(verb)
        && (json["agency"] as JsonValue)?.TryGetValue<string>(out var agency) == true && !string.IsNullOrWhiteSpace(agency)
            ? (agency, (json["request"] as JsonValue)?.TryGetValue<string>(out var r) == true ? r.Trim() : "")
            : null;

    /// <summary>A line parsed once: the object, or why it is not one.</summary>
    private readonly record struct ParsedLine(JsonObject? Json, string? Error);

    private static readonly JsonDocumentOptions s_lineOptions = new() { AllowDuplicateProperties = false };

    private static ParsedLine Parse(string line)
    {
        if (line.Length > InputBounds.MaxBodyBytes)
        {
            return new ParsedLine(null, $"一行最长 {InputBounds.MaxBodyBytes} 个字符（此行 {line.Length} 个）");
        }

        try
        {
            // A field named twice is refused: reading either value would be a guess.
            return JsonNode.Parse(line, documentOptions: s_lineOptions) is JsonObject json ? new ParsedLine(json, null) : new ParsedLine(null, "是其他 JSON 值");
        }
        catch (JsonException e)
        {
            return new ParsedLine(null, JsonErrors.Describe(e));
        }
    }

    /// <summary>
    /// Runs lines in one transaction: each is decided on the state the earlier ones left, and the batch commits whole.
    /// If the commit fails (another writer, a race), nothing of it was written and the lines run again one by one.
    /// </summary>
    private static async Task<IReadOnlyList<ImportLineResult>> RunBatchAsync(CaseFlowApp app, Actor actor, string agency, IReadOnlyList<PendingLine> lines, bool stopOnError,
        ClosedYearGuard? closedYears, CancellationToken ct)
    {
        if (lines.Count == 1)
        {
            return [await RunJsonAsync(app, actor, lines[0].Number, lines[0].Json, lines[0].Keys, ct, closedYears)];
        }

        var results = new List<ImportLineResult>(lines.Count);
        try
        {
            await using var batch = WriteBatch.Begin(app, agency);
            await batch.PreloadAsync<Requests.GettingDetails.RequestFile>([.. lines.Select(l => l.Keys.CommandId)],
                [.. lines.Where(l => l.Reference.Length > 0).Select(l => StreamIds.Request(agency, l.Reference))], ct);
            await Requests.RequestNumbers.PreloadAsync(app, batch,
                lines.Where(l => l.Reference.Length > 0 && (l.Json["command"] as JsonValue)?.TryGetValue<string>(out var verb) == true && verb == "receive").Select(l => l.Reference), ct);
            foreach (var line in lines)
            {
                var result = await RunJsonAsync(app, actor, line.Number, line.Json, line.Keys, ct, closedYears);
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
                var result = await RunJsonAsync(app, actor, line.Number, line.Json, line.Keys, ct, closedYears);
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
    private static async Task<IReadOnlyList<Reporting.Closing.Restatement>> RestateAsync(CaseFlowApp app, Actor actor, IEnumerable<string> agencies, CancellationToken ct)
    {
        var restated = new List<Reporting.Closing.Restatement>();
        foreach (var agency in agencies.Order(StringComparer.Ordinal))
        {
            restated.AddRange(await Reporting.Closing.Restating.RestateClosedYearsAsync(app, actor, agency, ct));
        }

        return restated;
    }

    public static Task<ImportLineResult> RunLineAsync(CaseFlowApp app, Actor actor, int number, string line, CancellationToken ct) =>
        RunParsedAsync(app, actor, number, Parse(line), ct);

    private static Task<ImportLineResult> RunParsedAsync(CaseFlowApp app, Actor actor, int number, ParsedLine line, CancellationToken ct, ClosedYearGuard? closedYears = null) =>
        line.Json is { } json
            ? RunJsonAsync(app, actor, number, json, KeysOf(json), ct, closedYears)
            : Task.FromResult(new ImportLineResult(number, ImportLineStatus.Rejected, "input.not-json", $"不是一个 JSON 对象：{line.Error}"));

    private static async Task<ImportLineResult> RunJsonAsync(CaseFlowApp app, Actor actor, int number, JsonObject json, LineKeys keys, CancellationToken ct,
        ClosedYearGuard? closedYears = null)
    {
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

        // Bounds and characters first: a line that cannot be stored right writes nothing.
        if (InputBounds.Check(json) is { } problem)
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, problem.Code, problem.Message);
        }

        if (closedYears is not null && await closedYears.RefusalAsync(agency, verb, json, keys.CommandId, ct) is { } closed)
        {
            return new ImportLineResult(number, ImportLineStatus.Rejected, "report.year-closed", closed);
        }

        var options = new WriteOptions(CommandId: keys.CommandId, CorrelationId: $"import:{number}", PayloadHash: keys.PayloadHash);
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
            return new ImportLineResult(number, ImportLineStatus.Rejected, JsonErrors.Code(e), JsonErrors.Describe(e));
        }

        return outcome switch
        {
            CommandOutcome.AlreadyApplied => new ImportLineResult(number, ImportLineStatus.Skipped),
            CommandOutcome.Rejected r => new ImportLineResult(number, ImportLineStatus.Rejected, r.Code, r.Message),
            CommandOutcome.Applied applied => new ImportLineResult(number, ImportLineStatus.Applied) { Agency = agency, Warnings = applied.Warnings },
            _ => new ImportLineResult(number, ImportLineStatus.Applied) { Agency = agency },
        };
    }

    /// <summary>Every command of the import contract and the body its line is read as (docs/cli.md; tests feed each field wrong values).</summary>
    public static readonly IReadOnlyDictionary<string, Type> CommandBodies = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["register-agency"] = typeof(RegisterAgencyBody),
        ["receive"] = typeof(ReceiveRequestBody),
        ["assign"] = typeof(AssignOfficerBody),
        ["request-clarification"] = typeof(RequestClarificationBody),
        ["receive-clarification"] = typeof(ReceiveClarificationBody),
        ["extend"] = typeof(ApproveExtensionBody),
        ["start-consultation"] = typeof(StartConsultationBody),
        ["end-consultation"] = typeof(EndConsultationBody),
        ["ask-volume-reasons"] = typeof(AskVolumeReasonsBody),
        ["set-delayed-answer-date"] = typeof(SetDelayedAnswerDateBody),
        ["issue-fee-notice"] = typeof(IssueFeeNoticeBody),
        ["pay-fee"] = typeof(PayFeeBody),
        ["answer"] = typeof(AnswerRequestBody),
        ["withdraw"] = typeof(WithdrawRequestBody),
        ["deliver-answer"] = typeof(Reviews.CaseStepBody),
        ["file-review"] = typeof(Reviews.FileReviewBody),
        ["decide-review"] = typeof(Reviews.DecideReviewBody),
        ["file-lawsuit"] = typeof(Reviews.FileLawsuitBody),
        ["decide-lawsuit"] = typeof(Reviews.DecideLawsuitBody),
        ["request-review-correction"] = typeof(Reviews.CaseStepBody),
        ["receive-review-correction"] = typeof(Reviews.CaseStepBody),
        ["accept-review"] = typeof(Reviews.CaseStepBody),
        ["deliver-review-decision"] = typeof(Reviews.CaseStepBody),
        ["register-lawsuit"] = typeof(Reviews.CaseStepBody),
        ["appeal-judgment"] = typeof(Reviews.CaseStepBody),
        ["judgment-in-force"] = typeof(Reviews.CaseStepBody),
        ["receive-case-copy"] = typeof(Reviews.CaseStepBody),
        ["submit-case-reply"] = typeof(Reviews.CaseStepBody),
        ["record-disclosure-stats"] = typeof(Reporting.Stats.RecordDisclosureStatsBody),
        ["close-year"] = typeof(Reporting.Closing.CloseYearBody),
    };

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
            "extend" => OnRequest(async reference =>
            {
                var body = Body<ApproveExtensionBody>();
                var (approver, refused) = await Users.Approvers.ResolveAsync(app, agency, body.ApprovedBy, options, ct);
                return refused ?? await Extending.HandleAsync(app, actor, agency, reference, body with { ApprovedBy = approver }, options, ct);
            }),
            "start-consultation" => OnRequest(reference => Consulting.StartAsync(app, actor, agency, reference, Body<StartConsultationBody>(), options, ct)),
            "end-consultation" => OnRequest(reference => Consulting.EndAsync(app, actor, agency, reference, Body<EndConsultationBody>(), options, ct)),
            "ask-volume-reasons" => OnRequest(reference => Delaying.AskAsync(app, actor, agency, reference, Body<AskVolumeReasonsBody>(), options, ct)),
            "set-delayed-answer-date" => OnRequest(async reference =>
            {
                var body = Body<SetDelayedAnswerDateBody>();
                var (approver, refused) = await Users.Approvers.ResolveAsync(app, agency, body.ApprovedBy, options, ct);
                return refused ?? await Delaying.SetAsync(app, actor, agency, reference, body with { ApprovedBy = approver }, options, ct);
            }),
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
    public static string CommandIdOf(JsonObject line) => KeysOf(line).CommandId;

    /// <summary>
    /// The line's key and the hash of its canonical JSON (a line id reused with other content is refused, 409
    /// command.key-reused), both from one canonical form.
    /// </summary>
    private static LineKeys KeysOf(JsonObject line)
    {
        var hash = Commands.PayloadHash(Canonical(line)!.ToJsonString(s_canonicalJson));
        var id = line["id"] switch
        {
            JsonValue text when text.TryGetValue<string>(out var value) && !string.IsNullOrWhiteSpace(value) => value,
            JsonValue numeric when numeric.GetValueKind() == JsonValueKind.Number => numeric.ToJsonString(),
            _ => "sha256:" + hash,
        };
        return new LineKeys(id, hash);
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue value => value.DeepClone(),
        _ => null,
    };

    private sealed class UnknownCommandException : Exception;

    /// <summary>The closed years of each agency (read once per import), and the year a line's fact falls in.</summary>
    private sealed class ClosedYearGuard(CaseFlowApp app)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<HashSet<int>>> _closed = new(StringComparer.Ordinal);

        public async Task<string?> RefusalAsync(string agency, string verb, JsonObject line, string commandId, CancellationToken ct)
        {
            if (verb is "register-agency" or "close-year" || YearOf(line) is not { } year)
            {
                return null;
            }

            var closed = await _closed.GetOrAdd(agency, async a => [.. (await Reporting.Closing.AnnualReportVersions.ClosedYearsAsync(app, a, ct)).Select(y => y.Year)]);
            if (!closed.Contains(year))
            {
                return null;
            }

            await using var query = app.Query(agency);
            return await query.LoadAsync<CommandRecord>(commandId, ct) is not null
                ? null // applied before: the re-run skips it as always
                : $"{year} 年度报告已关账：此行的日期在该年度，导入会更正已关账的报告。去掉 --no-restate 即导入并更正报告（输出更正的版本和单元格）。";
        }

        private static int? YearOf(JsonObject line)
        {
            foreach (var field in new[] { "on", "receivedOn", "filedOn", "arrivedOn" })
            {
                if ((line[field] as JsonValue)?.TryGetValue<string>(out var text) == true
                    && NodaTime.Text.LocalDatePattern.Iso.Parse(text) is { Success: true } parsed)
                {
                    return parsed.Value.Year;
                }
            }

            return (line["year"] as JsonValue)?.TryGetValue<int>(out var year) == true ? year : null;
        }
    }
}
