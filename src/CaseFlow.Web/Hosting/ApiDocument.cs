using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// What the generated OpenAPI document does not know by itself: dates are <c>YYYY-MM-DD</c> strings, every call needs the
/// session cookie, writes take <c>If-Match</c> and <c>Idempotency-Key</c>, and every refusal is ProblemDetails with a
/// stable <c>code</c> (docs/cli.md lists them), with the statuses each operation can answer.
/// </summary>
public static class ApiDocument
{
    private const string ProblemMediaType = "application/problem+json";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CaseFlow API";
            document.Info.Description = "Disclosure requests (依申请公开), their statutory deadlines and the annual report. Sign in with a CaseFlow account; the agency is the account's. " +
                "Every refusal is application/problem+json with a stable `code`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["session"] = new OpenApiSecurityScheme
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
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type == typeof(LocalDate))
            {
                schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type == type ? 0 : JsonSchemaType.Null);
                schema.Format = "date";
                schema.Pattern = "^\\d{4}-\\d{2}-\\d{2}$";
            }
            else if (type == typeof(Instant))
            {
                schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type == type ? 0 : JsonSchemaType.Null);
                schema.Format = "date-time";
            }

            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var route = context.Description.RelativePath ?? "";
            var method = context.Description.HttpMethod ?? "GET";
            var writes = !HttpMethods.IsGet(method);
            operation.Responses ??= [];
            Problem(operation, "401", "未登录 (access.not-signed-in)");
            Problem(operation, "403", "无权访问 (access.forbidden, access.other-agency, access.cross-site)");
            Problem(operation, "500", "服务器内部错误 (server.error), with the trace number");
            if (route.Contains("{reference}", StringComparison.Ordinal) || route.Contains("{caseReference}", StringComparison.Ordinal))
            {
                Problem(operation, "404", "申请或案件不存在 (request.not-found, review.not-found, lawsuit.not-found, case.not-found)");
            }

            if (writes)
            {
                Problem(operation, "400", "请求格式错误 (input.malformed, input.if-match-invalid)");
                Problem(operation, "409", "与已有记录冲突 (…already-…, request.lookalike-exists, command.key-reused)");
                Problem(operation, "412", "记录已被修改 (version.mismatch): If-Match names an older version");
                Problem(operation, "422", "输入有误或不符合条例 (input.invalid and the rules' codes)");
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

            return Task.CompletedTask;
        });
    }

    private static void Problem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemMediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "status", "code", "detail" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文说明：what to do" },
                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "the stable code (docs/cli.md)", Pattern = "^[a-z]+(\\.[a-z0-9-]+)+$" },
                            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                },
            },
        };
    }
}
