using CaseFlow.Infrastructure;
using CaseFlow.Infrastructure.Http;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CaseFlow.Requests;

/// <summary>Issue a processing fee notice (信息处理费, Regs art. 42 and the Fee Measures).</summary>
public sealed record IssueFeeNotice(LocalDate On, decimal AmountYuan, FeeMethod Method, int? Quantity = null) : RequestCommand;

public sealed record PayFee(LocalDate On) : RequestCommand;

public sealed record IssueFeeNoticeBody(LocalDate? On, decimal? AmountYuan, string? Method = null, int? Quantity = null);

public sealed record PayFeeBody(LocalDate? On);

public static class Fees
{
    public static Task<CommandOutcome> IssueAsync(CaseFlowApp app, Actor actor, string agency, string reference, IssueFeeNoticeBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "收费通知日期");
        var method = validation.OptionalCode(Codes.FeeMethods, body.Method, "method", "计费方式") ?? FeeMethod.Stated;
        if (body.AmountYuan is null)
        {
            validation.Problem("缺少收费金额（amountYuan）");
        }

        if (method != FeeMethod.Stated && body.Quantity is null)
        {
            validation.Problem("按件或按量计费时须填写件数或页数（quantity）");
        }

        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new IssueFeeNotice(on, body.AmountYuan!.Value, method, body.Quantity), options, ct);
    }

    public static Task<CommandOutcome> PayAsync(CaseFlowApp app, Actor actor, string agency, string reference, PayFeeBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "缴费日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new PayFee(on), options, ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/requests/{reference}/fee-notices", (string reference, IssueFeeNoticeBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => IssueAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("IssueFeeNotice").WithSummary("收费通知: processing fee notice issued (Fee Measures)")
            .AnswersRecord<RequestView>();
        api.MapPost("/requests/{reference}/fee-payments", (string reference, PayFeeBody body, HttpContext http, CaseFlowApp app, CancellationToken ct) =>
                RequestHttp.WriteAsync(http, app, reference, Role.Officer, (caller, options) => PayAsync(app, caller.Actor, caller.Agency, reference, body, options, ct)))
            .WithName("PayFee").WithSummary("The applicant paid the fee")
            .AnswersRecord<RequestView>();
        api.MapGet("/fees/quote", (string method, int quantity, int? earlierThisMonth) =>
                method switch
                {
                    "per-item" when quantity > 0 && earlierThisMonth is null or >= 0 => Results.Ok(FeeCalculator.PerItem(earlierThisMonth ?? 0, quantity)),
                    "per-page" when quantity > 0 => Results.Ok(FeeCalculator.PerPage(quantity)),
                    _ => ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "input.invalid", "method 应为 per-item 或 per-page，quantity 应大于零。"),
                })
            .WithName("QuoteFee").WithSummary("Compute a fee under the Fee Measures, with its workings")
            .Answers<FeeQuote>().Refuses(StatusCodes.Status422UnprocessableEntity, "input.invalid (method not per-item or per-page, quantity not above zero)");
    }
}
