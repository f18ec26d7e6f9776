using CaseFlow.Agencies;
using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Letters.Numbering;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Letters;

/// <summary>Issuing a letter: decided here, on the request's state, and written on the request's stream.</summary>
public sealed record IssueLetter(LetterKind Kind, LocalDate On, int TemplateVersion, string Hash, string? Method, LocalDate? DeliveredOn, string? DocumentNumber = null);

/// <summary>The input of issuing a letter (API body).</summary>
public sealed record IssueLetterBody(string? Kind, LocalDate? On, string? Method = null, LocalDate? DeliveredOn = null);

/// <summary>Making and issuing a request's letters from the agency's current templates.</summary>
public static class IssuingLetters
{
    /// <summary>A letter made from its template and the facts, waiting only for its 文号.</summary>
    private sealed record Draft(LetterKind Kind, LetterTemplate Template, IReadOnlyDictionary<string, string> Fields, string Prefix)
    {
        public LetterDocument Render(string documentNumber) =>
            LetterRendering.Render(Kind, Template, new Dictionary<string, string>(Fields) { ["documentNumber"] = documentNumber });
    }

    /// <summary>
    /// Renders a letter of the request (for preview, download, and the hash of an issue). Without a date it is the
    /// letter as last issued, with its date and 文号; otherwise it is dated <paramref name="on"/>, with the 文号 of the
    /// letter issued that day, or blank until issued. Null when the request does not exist or has no such letter yet.
    /// </summary>
    public static async Task<LetterDocument?> RenderAsync(CaseFlowApp app, string agency, string reference, LetterKind kind, LocalDate? on, CancellationToken ct)
    {
        var file = await LoadAsync(app, agency, reference, ct);
        if (file is null || LetterKinds.Missing(kind, file.State) is not null)
        {
            return null;
        }

        var issued = file.State.Letters.LastOrDefault(l => l.Kind == kind && (on is null || l.On == on));
        var date = on ?? issued?.On ?? app.Today;
        var draft = await DraftAsync(app, agency, file, kind, date, ct);
        return draft.Render(issued?.DocumentNumber ?? LetterNumbers.Format(draft.Prefix, date.Year, null));
    }

    private static async Task<RequestFile?> LoadAsync(CaseFlowApp app, string agency, string reference, CancellationToken ct)
    {
        await using var query = app.Query(agency);
        return await query.LoadAsync<RequestFile>(StreamIds.Request(agency, reference), ct);
    }

    /// <summary>
    /// The letter a template being edited would make for a request, before it is saved (the editor's 预览): for a letter
    /// kind its letter, for the remedy or an answer paragraph the answer letter. Null when the request has no such letter.
    /// </summary>
    public static async Task<LetterDocument?> PreviewAsync(CaseFlowApp app, string agency, string reference, string key, string body, CancellationToken ct)
    {
        var kind = LetterKinds.Codes.TryParse(key, out var k) ? k : LetterKind.Answer;
        var file = await LoadAsync(app, agency, reference, ct);
        if (file is null || LetterKinds.Missing(kind, file.State) is not null)
        {
            return null;
        }

        var draft = await DraftAsync(app, agency, file, kind, app.Today, ct, (key, body));
        return draft.Render(LetterNumbers.Format(draft.Prefix, app.Today.Year, null));
    }

    private static async Task<Draft> DraftAsync(CaseFlowApp app, string agency, RequestFile file, LetterKind kind, LocalDate date, CancellationToken ct,
        (string Key, string Body)? edited = null)
    {
        async Task<LetterTemplate> TemplateAsync(string key) =>
            edited is { } e && e.Key == key ? new LetterTemplate(key, e.Body, -1) : await LetterTemplates.CurrentAsync(app, agency, key, ct);

        var registered = await AgencyDirectory.LoadAsync(app, agency, ct);
        var name = registered?.Name ?? agency;
        var letterhead = registered?.Letterhead ?? Letterhead.None;
        var fields = LetterRendering.Fields(kind, name, letterhead, file, app.Calendar.Current, app.ClockPolicies, date);
        var template = await TemplateAsync(LetterKinds.Codes.Code(kind));
        if (kind == LetterKind.Answer)
        {
            // The body of the row, and the remedy paragraph, are templates of their own.
            var parts = new Dictionary<string, string>();
            foreach (var key in LetterTemplates.Keys.Where(k => k.StartsWith("answer.", StringComparison.Ordinal) || k == "remedy"))
            {
                parts[key] = (await TemplateAsync(key)).Body;
            }

            fields["answerBody"] = LetterRendering.Fill(LetterRendering.AnswerBody(file, app.OutcomePolicies, key => parts[key]), fields);
            fields["remedy"] = LetterRendering.Fill(parts["remedy"], fields);
        }

        return new Draft(kind, template, fields, letterhead.DocumentPrefix ?? name);
    }

    /// <summary>
    /// Issues a letter: it takes the next 文号 of the agency's year in the same transaction (a letter re-recorded for
    /// the same day, e.g. with its delivery, keeps its number), and its hash covers the text with that number.
    /// </summary>
    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, string reference, IssueLetterBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var kind = validation.Code(LetterKinds.Codes, body.Kind, "kind", "文书种类");
        var on = validation.Date(body.On, "on", "发出日期");
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        var file = await LoadAsync(app, agency, reference, ct);
        if (file is null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "request.not-found", $"申请 {reference} 不存在。", RejectionKind.NotFound);
        }

        if (LetterKinds.Missing(kind, file.State) is not null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "letter.not-available", $"现在还不能出具{LetterKinds.Label(kind)}。", RejectionKind.Rule);
        }

        var draft = await DraftAsync(app, agency, file, kind, on, ct);
        var method = string.IsNullOrWhiteSpace(body.Method) ? null : body.Method.Trim();
        if (file.State.Letters.LastOrDefault(l => l.Kind == kind && l.On == on && l.DocumentNumber is not null) is { DocumentNumber: { } kept })
        {
            var again = draft.Render(kept);
            var command = new IssueLetter(kind, on, again.TemplateVersion, again.Hash, method, body.DeliveredOn, kept);
            return await RequestWrites.ExecuteAsync(app, actor, agency, reference, (state, context) => Decide(command, state, context), options, ct);
        }

        int? taken = null;
        var numbering = LetterNumbers.Take(agency, on.Year, reference, kind, n => taken = n);
        var letter = RequestWrites.Stream(app, agency, reference, StreamRule.MustExist, (state, context) =>
        {
            if (state.Letters.Any(l => l.Kind == kind && l.On == on && l.DocumentNumber is not null))
            {
                // Issued by a colleague between this page's reading and its commit: that letter has its number already.
                return Decision.Reject("letter.issued-meanwhile", $"同事刚刚出具了这份{LetterKinds.Label(kind)}（同一日期）：请刷新后查看，不会重复编号。", RejectionKind.Conflict);
            }

            var number = LetterNumbers.Format(draft.Prefix, on.Year, taken!.Value);
            var issued = draft.Render(number);
            return Decide(new IssueLetter(kind, on, issued.TemplateVersion, issued.Hash, method, body.DeliveredOn, number), state, context);
        });
        return await app.ExecuteAsync(agency, actor, options, ct, letter, numbering);
    }

    /// <summary>The rule for an issued letter: pure, on the request's state.</summary>
    public static Decision Decide(IssueLetter c, Request state, DecisionContext context)
    {
        if (LetterKinds.Missing(c.Kind, state) is { } missing)
        {
            return Decision.Reject("letter.not-available", $"现在还不能出具{LetterKinds.Label(c.Kind)}：{missing}");
        }

        if (c.On > context.Today || c.DeliveredOn > context.Today)
        {
            return Decision.Reject("date.in-future", "发出或送达日期晚于今天。");
        }

        if (c.On < state.ReceivedOn || c.DeliveredOn < c.On)
        {
            return Decision.Reject("letter.date-order", "发出日期不能早于收到申请之日，送达日期不能早于发出日期。");
        }

        if (c.Kind == LetterKind.Answer && c.On < state.Conclusion!.On)
        {
            return Decision.Reject("letter.before-answer", $"答复书不能早于答复日期 {state.Conclusion.On:yyyy-MM-dd} 发出。");
        }

        if (state.Letters.Any(l => l.Kind == c.Kind && l.Hash == c.Hash && l.On == c.On && l.DeliveredOn == c.DeliveredOn))
        {
            return Decision.NoChange;
        }

        var issued = new LetterIssued(c.Kind, c.On, c.TemplateVersion, c.Hash, c.Method, c.DeliveredOn, c.DocumentNumber);
        return c.Kind == LetterKind.Answer && c.DeliveredOn is { } delivered && state.AnswerDeliveredOn is null
            ? Decision.Accept(issued, new AnswerDelivered(delivered, c.Method))
            : Decision.Accept(issued);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{reference}/letters", (string reference, IssueLetterBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => HandleAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("IssueLetter").WithSummary("文书: record a letter issued (kind, template version, hash, delivery); the answer's delivery starts the applicant's windows")
            .AnswersRecord<RequestView>();
        api.MapGet("/requests/{reference}/letters/{kind}", async (string reference, string kind, string? format, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
            {
                if (Caller.From(http.User) is not { } caller)
                {
                    return ApiResults.NotSignedIn();
                }

                if (!LetterKinds.Codes.TryParse(kind, out var letterKind))
                {
                    return ApiResults.Problem(StatusCodes.Status404NotFound, "letter.unknown-kind", $"没有“{kind}”这种文书。");
                }

                await using (var query = app.Query(caller.Agency))
                {
                    // A request that does not exist is that, not a letter that is not yet possible.
                    if (await query.LoadAsync<RequestFile>(StreamIds.Request(caller.Agency, reference), ct) is null)
                    {
                        return ApiResults.Problem(StatusCodes.Status404NotFound, "request.not-found", $"申请 {reference} 不存在。");
                    }
                }

                var letter = await RenderAsync(app, caller.Agency, reference, letterKind, null, ct);
                if (letter is null)
                {
                    return ApiResults.Problem(StatusCodes.Status404NotFound, "letter.not-available", $"申请 {reference} 现在没有{LetterKinds.Label(letterKind)}。");
                }

                var name = $"{reference}-{LetterKinds.Label(letterKind)}";
                return format == "html"
                    ? Results.Content(LetterOutput.Html(letter), "text/html; charset=utf-8")
                    : Results.File(LetterOutput.Docx(letter), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
            })
            .WithName("GetLetter").WithSummary("A request's letter, made now from the agency's current template: DOCX, or printable HTML (format=html)")
            .AnswersFile("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html")
            .Refuses(StatusCodes.Status404NotFound, "letter.unknown-kind, letter.not-available");
    }
}
