using CaseFlow.EventStore.Commands;
using CaseFlow.Infrastructure;
using NodaTime;

namespace CaseFlow.Requests;

public sealed record WithdrawRequest(LocalDate On, string? Reason = null) : RequestCommand;

public sealed record WithdrawRequestBody(LocalDate? On, string? Reason = null);

public static class Withdrawing
{
    public static Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, string agency, string reference, WithdrawRequestBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var on = validation.Date(body.On, "on", "撤回日期");
        return validation.Failed
            ? Task.FromResult(validation.Rejection())
            : RequestWrites.ExecuteAsync(app, actor, agency, reference, new WithdrawRequest(on, body.Reason), options, ct);
    }
}
