using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Reporting.Stats;
using CaseFlow.Requests;
using CaseFlow.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// What the generated OpenAPI document does not know by itself, so that a client can be generated from it: dates are
/// <c>YYYY-MM-DD</c> strings, codes are enums, what a body must carry, every call needs the session cookie, writes take
/// <c>If-Match</c> and <c>Idempotency-Key</c>, records answer with an <c>ETag</c> (and a <c>Location</c> when created),
/// and every refusal is ProblemDetails with a stable <c>code</c> (docs/cli.md lists them). What each endpoint answers
/// is declared beside it (<see cref="ApiContract"/>); this reads those declarations.
/// </summary>
public static class ApiDocument
{
    private const string ProblemMediaType = "application/problem+json";
    private const string ProblemSchema = "Problem";
    private const string ReportSchema = "AnnualReport";

    /// <summary>The codes a body or view field takes: the document lists them as its enum.</summary>
    private static readonly Dictionary<(Type Type, string Property), IReadOnlyCollection<string>> s_vocabulary = new()
    {
        [(typeof(ReceiveRequestBody), "channel")] = Codes.Channels.Codes,
        [(typeof(ApplicantBody), "type")] = Codes.ApplicantTypes.Codes,
        [(typeof(AnswerRequestBody), "outcome")] = Codes.Outcomes.Codes,
        [(typeof(AnswerItemBody), "outcome")] = Codes.Outcomes.Codes,
        [(typeof(AnswerRequestBody), "answerType")] = Codes.AnswerTypes.Codes,
        [(typeof(StartConsultationBody), "party")] = Codes.ConsultationParties.Codes,
        [(typeof(EndConsultationBody), "party")] = Codes.ConsultationParties.Codes,
        [(typeof(EndConsultationBody), "result")] = Codes.ConsultationResults.Codes,
        [(typeof(IssueFeeNoticeBody), "method")] = Codes.FeeMethods.Codes,
        [(typeof(Letters.IssueLetterBody), "kind")] = LetterKinds.Codes.Codes,
        [(typeof(AskForApprovalBody), "kind")] = [Approving.ExtensionKind, Approving.DelayedAnswerDateKind],
        [(typeof(DecideReviewBody), "result")] = CaseCodes.Results.Codes,
        [(typeof(DecideReviewBody), "decision")] = CaseCodes.ReviewDecisions.Codes,
        [(typeof(DecideLawsuitBody), "result")] = CaseCodes.Results.Codes,
        [(typeof(DecideLawsuitBody), "judgment")] = CaseCodes.Judgments.Codes,
        [(typeof(DecideLawsuitBody), "appeal")] = CaseCodes.AppealOutcomes.Codes,
        [(typeof(FileLawsuitBody), "role")] = CaseCodes.Roles.Codes,
        [(typeof(Requests.GettingDetails.RequestView), "status")] = Codes.Statuses.Codes,
        [(typeof(Requests.GettingDetails.RequestView), "channel")] = Codes.Channels.Codes,
        [(typeof(Requests.GettingDetails.ApplicantView), "type")] = Codes.ApplicantTypes.Codes,
    };

    /// <summary>Ranges the rules hold numbers to (art. 33: an extension of 1–20 working days; counts are never negative).</summary>
    private static readonly Dictionary<(Type Type, string Property), (string Minimum, string? Maximum)> s_ranges = new()
    {
        [(typeof(ApproveExtensionBody), "workingDays")] = ("1", "20"),
        [(typeof(AskForApprovalBody), "workingDays")] = ("1", "20"),
        [(typeof(IssueFeeNoticeBody), "amountYuan")] = ("0", null),
        [(typeof(IssueFeeNoticeBody), "quantity")] = ("1", null),
        [(typeof(DocumentCountsBody), "issued")] = ("0", null),
        [(typeof(DocumentCountsBody), "repealed")] = ("0", null),
        [(typeof(DocumentCountsBody), "inForce")] = ("0", null),
        [(typeof(RecordDisclosureStatsBody), "licensing")] = ("0", null),
        [(typeof(RecordDisclosureStatsBody), "penalties")] = ("0", null),
        [(typeof(RecordDisclosureStatsBody), "coercion")] = ("0", null),
        [(typeof(RecordDisclosureStatsBody), "feesWanYuan")] = ("0", null),
    };

    /// <summary>Enums written as their codes (CodeTable converters).</summary>
    private static readonly Dictionary<Type, IReadOnlyCollection<string>> s_enumCodes = new()
    {
        [typeof(FeeMethod)] = Codes.FeeMethods.Codes,
    };

    /// <summary>Query and path parameters that take a fixed set of values, by operation and name (null: every operation).</summary>
    private static readonly Dictionary<(string? Operation, string Parameter), IReadOnlyCollection<string>> s_parameterValues = new()
    {
        [("ListRequests", "list")] = ["mine", "open", "all"],
        [("ListRequests", "status")] = Codes.Statuses.Codes,
        [("ListRequests", "channel")] = Codes.Channels.Codes,
        [("DownloadAnnualReport", "format")] = [.. Reporting.Rendering.ReportOutput.Formats],
        [("GetLetter", "format")] = ["docx", "html"],
        [("GetLetter", "kind")] = LetterKinds.Codes.Codes,
        [("QuoteFee", "method")] = ["per-item", "per-page"],
    };

    /// <summary>
    /// Body fields declared without a default that the client need not send: the route or the session sets them (and
    /// overrides what is sent), or one of two is needed depending on another field.
    /// </summary>
    private static readonly Dictionary<Type, string[]> s_notRequired = new()
    {
        [typeof(ApproveExtensionBody)] = ["approvedBy"], // the signed-in approver
        [typeof(CaseStepBody)] = ["case"], // the route's case
        [typeof(DecideReviewBody)] = ["case"],
        [typeof(DecideLawsuitBody)] = ["case"],
        [typeof(RecordDisclosureStatsBody)] = ["year"], // the route's year
        [typeof(AskForApprovalBody)] = ["workingDays", "dueOn"], // workingDays for an extension, dueOn for a delayed date
        [typeof(AnswerItemBody)] = ["subject"],
    };

    public static void Configure(OpenApiOptions options)
    {
        // Dates and instants are plain strings written inline, not a component of their own.
        options.CreateSchemaReferenceId = info =>
            (Nullable.GetUnderlyingType(info.Type) ?? info.Type) is var type && (type == typeof(LocalDate) || type == typeof(Instant) || type == typeof(FileBody))
                ? null
                : OpenApiOptions.CreateDefaultSchemaReferenceId(info);

        options.AddDocumentTransformer((document, _, _) =>
        {
            // No server: the document is the same wherever it is served (and committed as docs/api/openapi.json); clients use their own address.
            document.Servers = [];
            document.Info.Title = "CaseFlow API";
            document.Info.Description = "Disclosure requests (依申请公开), their statutory deadlines and the annual report. Sign in with a CaseFlow account; the agency is the account's. " +
                "Records answer with their version as `ETag`; send it back as `If-Match` to change them. Every refusal is application/problem+json with a stable `code`.";
            Components(document).SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components!.SecuritySchemes!["session"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = CaseFlowWebHost.CookieName,
                Description = "The session cookie set by signing in at /login (登录).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("session", document)] = [] }];
            return Task.CompletedTask;
        });

        options.AddSchemaTransformer((schema, context, _) =>
        {
            var declared = context.JsonTypeInfo.Type;
            var type = Nullable.GetUnderlyingType(declared) ?? declared;
            var nullable = declared != type ? JsonSchemaType.Null : 0;
            if (type == typeof(LocalDate))
            {
                schema.Type = JsonSchemaType.String | nullable;
                schema.Format = "date";
                schema.Pattern = "^\\d{4}-\\d{2}-\\d{2}$";
                schema.Examples = [JsonValue.Create("2026-03-02")];
            }
            else if (type == typeof(Instant))
            {
                schema.Type = JsonSchemaType.String | nullable;
                schema.Format = "date-time";
            }
            else if (type == typeof(FileBody))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = "binary";
                schema.Properties?.Clear();
            }
            else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
            {
                schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties.Where(p => IsRequired(type, p)).Select(p => p.Name));
            }

            else if (s_enumCodes.TryGetValue(type, out var values))
            {
                schema.Type = JsonSchemaType.String | nullable;
                schema.Enum = [.. values.Select(c => (JsonNode)JsonValue.Create(c))];
            }

            if (context.JsonPropertyInfo is { } property && property.DeclaringType is var owner)
            {
                // A body's fields are declared nullable so that a missing one is told in Chinese; what the body needs is
                // required and not null. A view's field may be required (always written) and still null.
                if (IsBody(owner) && IsRequired(owner, property))
                {
                    if (schema.Type is { } t)
                    {
                        schema.Type = t & ~JsonSchemaType.Null;
                    }

                    // A nested body (applicant) is written as oneOf [null, the body]: keep the body only.
                    if (schema.OneOf is { Count: > 1 } choices)
                    {
                        foreach (var none in choices.Where(c => c is OpenApiSchema { Type: JsonSchemaType.Null }).ToList())
                        {
                            choices.Remove(none);
                        }
                    }
                }

                if (s_ranges.TryGetValue((owner, property.Name), out var range))
                {
                    schema.Minimum = range.Minimum;
                    schema.Maximum = range.Maximum;
                }

                if (s_vocabulary.TryGetValue((owner, property.Name), out var codes))
                {
                    schema.Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))];
                }
            }

            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var document = context.Document!;
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var route = context.Description.RelativePath ?? "";
            var writes = !HttpMethods.IsGet(context.Description.HttpMethod ?? "GET");
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            operation.Responses ??= [];

            if (metadata.OfType<NamedSchemaAnswer>().FirstOrDefault() is { } named)
            {
                DefineReport(document);
                operation.Responses["200"] = new OpenApiResponse
                {
                    Description = "OK",
                    Content = new Dictionary<string, OpenApiMediaType> { [ApiContract.Json] = new() { Schema = new OpenApiSchemaReference(named.Schema, document) } },
                };
            }

            if (metadata.OfType<VersionedAnswer>().FirstOrDefault() is { } versioned)
            {
                foreach (var (status, response) in operation.Responses.Where(r => r.Key is "200" or "201"))
                {
                    if (response is not OpenApiResponse concrete)
                    {
                        continue;
                    }

                    concrete.Description = status == "201" ? "Created: the new record" : "OK: the record as it now stands";
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers["ETag"] = new OpenApiHeader
                    {
                        Description = "The record's version (\"3\"): send it as If-Match to change the record.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"\\d+\"$" },
                    };
                    if (status == "201")
                    {
                        concrete.Headers["Location"] = new OpenApiHeader
                        {
                            Description = "Where the new record is read (/api/requests/{reference}, /api/cases/reviews/{caseReference} …).",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                        };
                    }
                }
            }

            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if ((s_parameterValues.TryGetValue((operation.OperationId, parameter.Name!), out var values) || s_parameterValues.TryGetValue((null, parameter.Name!), out values))
                    && parameter.Schema is OpenApiSchema schema)
                {
                    schema.Enum = [.. values.Select(c => (JsonNode)JsonValue.Create(c))];
                }
            }

            Problem(operation, document, "400", "请求格式错误 (input.malformed: a body or parameter that is not what the route reads" +
                (writes ? "; input.if-match-invalid" : "") + ")");
            if (!anonymous)
            {
                Problem(operation, document, "401", "未登录 (access.not-signed-in)");
                Problem(operation, document, "403", "无权访问 (access.forbidden, access.other-agency, access.cross-site)");
            }

            if (route.Contains("{reference}", StringComparison.Ordinal) || route.Contains("{caseReference}", StringComparison.Ordinal))
            {
                Problem(operation, document, "404", "申请或案件不存在 (request.not-found, review.not-found, lawsuit.not-found, case.not-found)");
            }

            foreach (var refusal in metadata.OfType<Refusal>())
            {
                Problem(operation, document, refusal.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), refusal.Codes, append: true);
            }

            if (writes)
            {
                Problem(operation, document, "409", "与已有记录冲突 (…already-…, request.lookalike-exists, command.key-reused)");
                Problem(operation, document, "412", "记录已被修改 (version.mismatch): If-Match names an older version");
                Problem(operation, document, "413", "请求体过大 (input.too-large)");
                Problem(operation, document, "415", "请求体应为 application/json (input.media-type)");
                Problem(operation, document, "422", "输入有误或不符合条例 (input.invalid and the rules' codes)");
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Description = "The version the change is based on, as the ETag of the last read gave it (\"3\"); a newer one answers 412.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"\\d+\"$" },
                });
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "Idempotency-Key",
                    In = ParameterLocation.Header,
                    Description = "A key of the client's choosing: the same call sent again with it is applied once (200 with the record).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
            }

            Problem(operation, document, "500", "服务器内部错误 (server.error), with the trace number");
            return Task.CompletedTask;
        });
    }

    /// <summary>The records clients send (request bodies) are named …Body.</summary>
    private static bool IsBody(Type type) => type.Name.EndsWith("Body", StringComparison.Ordinal);

    /// <summary>Required in a body: a constructor parameter without a default, unless the route or session sets it.</summary>
    private static bool IsRequired(Type owner, JsonPropertyInfo property) =>
        property.AssociatedParameter is { HasDefaultValue: false }
        && !(s_notRequired.TryGetValue(owner, out var optional) && optional.Contains(property.Name));

    private static OpenApiComponents Components(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        return document.Components;
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument document, string status, string description, bool append = false)
    {
        if (operation.Responses!.TryGetValue(status, out var existing))
        {
            if (append && existing is OpenApiResponse response)
            {
                response.Description = $"{response.Description}; {description}";
            }

            return;
        }

        var schemas = Components(document).Schemas!;
        if (!schemas.ContainsKey(ProblemSchema))
        {
            schemas[ProblemSchema] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A refusal (RFC 9457 problem details) with CaseFlow's stable code and a Chinese explanation of what to do.",
                Required = new HashSet<string> { "status", "code", "detail" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文说明：what to do" },
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "the stable code (docs/cli.md)", Pattern = "^[a-z]+(\\.[a-z0-9-]+)+$", Examples = [JsonValue.Create("version.mismatch")] },
                    ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            };
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) } },
        };
    }

    /// <summary>The contract's report JSON (written by ReportJson, not serialised from a type), described by hand.</summary>
    private static void DefineReport(OpenApiDocument document)
    {
        var schemas = Components(document).Schemas!;
        if (schemas.ContainsKey(ReportSchema))
        {
            return;
        }

        static OpenApiSchema Int() => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" };
        static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };
        static OpenApiSchema Strings() => new() { Type = JsonSchemaType.Array, Items = Text() };
        static OpenApiSchema Object(params (string Name, IOpenApiSchema Schema)[] properties) => new()
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(properties.Select(p => p.Name)),
            Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        };
        static OpenApiSchema Grid(string description) => new()
        {
            Type = JsonSchemaType.Object,
            Description = description,
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Int() },
        };
        // The parts a client names are components of their own (ReportVersion rather than an anonymous "Version").
        IOpenApiSchema Named(string name, OpenApiSchema schema)
        {
            schemas[name] = schema;
            return new OpenApiSchemaReference(name, document);
        }

        var counts = Named("ReportDocumentCounts", Object(("issued", Int()), ("repealed", Int()), ("inForce", Int())));
        var version = Named("ReportVersion", Object(("number", Int()), ("kind", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("closed"), JsonValue.Create("restated")] }),
            ("on", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" }), ("hash", Text()), ("differences", Strings())));
        var report = Object(
            ("agency", Text()), ("agencyName", Text()), ("year", Int()),
            ("table2", Named("ReportTable2", Object(("regulations", counts), ("normativeDocuments", counts), ("licensing", Int()), ("penalties", Int()), ("coercion", Int()),
                ("feesWanYuan", new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Minimum = "0" })))),
            ("table3", Named("ReportTable3", Object(("columns", Strings()), ("rows", Grid("Every row of table 三 by its code, each with every column's count (zeros written)"))))),
            ("table4", Grid("The groups of table 四 (review, suit without review, suit after review), each with its results' counts")),
            ("checks", new OpenApiSchema { Type = JsonSchemaType.Array, Items = Named("ReportCheck", Object(("name", Text()), ("ok", new OpenApiSchema { Type = JsonSchemaType.Boolean }), ("detail", Text()), ("cells", Strings()))) }),
            ("includeChildren", new OpenApiSchema { Type = JsonSchemaType.Boolean }),
            ("agencies", Strings()),
            ("version", new OpenApiSchema { OneOf = [version, new OpenApiSchema { Type = JsonSchemaType.Null }], Description = "The closed version shown, or null while the year is open" }),
            ("history", new OpenApiSchema { Type = JsonSchemaType.Array, Items = version }));
        report.Description = "The annual report in the contract's JSON shape (report annual --format json)";
        schemas[ReportSchema] = report;
    }
}
