using CaseFlow.Infrastructure;

namespace CaseFlow.Agencies.Registering;

public sealed record RegisterAgency(string Code, string Name, string? Parent, string? Kind) : AgencyCommand;

public sealed record RenameAgency(string Code, string Name) : AgencyCommand;

/// <summary>The input of <c>register-agency</c> (import line or API body).</summary>
public sealed record RegisterAgencyBody(string? Agency, string? Name, string? Parent, string? Kind);

/// <summary>Registers an agency: a tenant of CaseFlow, placed under its parent for roll-up reports.</summary>
public static class AgencyRegistration
{
    public static async Task<CommandOutcome> HandleAsync(CaseFlowApp app, Actor actor, RegisterAgencyBody body, WriteOptions options, CancellationToken ct)
    {
        var validation = new Validation();
        var code = validation.Text(body.Agency, "agency", "机关代码");
        var name = validation.Text(body.Name, "name", "机关名称");
        var parent = string.IsNullOrWhiteSpace(body.Parent) ? null : body.Parent.Trim();
        if (validation.Failed)
        {
            return validation.Rejection();
        }

        if (parent is not null && parent != code && await AgencyDirectory.FindAsync(app, parent, ct) is null)
        {
            return new CommandOutcome.Rejected(Guid.Empty, 0, "agency.parent-not-found", $"上级机关 {parent} 未登记：请先登记上级机关。", RejectionKind.Rule);
        }

        var command = new RegisterAgency(code, name, parent, string.IsNullOrWhiteSpace(body.Kind) ? null : body.Kind.Trim());
        return await ExecuteAsync(app, actor, code, command, StreamRule.MayExist, options, ct);
    }

    public static Task<CommandOutcome> RenameAsync(CaseFlowApp app, Actor actor, string code, string name, WriteOptions options, CancellationToken ct) =>
        ExecuteAsync(app, actor, code, new RenameAgency(code, name), StreamRule.MustExist, options, ct);

    private static Task<CommandOutcome> ExecuteAsync(CaseFlowApp app, Actor actor, string code, AgencyCommand command, StreamRule rule, WriteOptions options, CancellationToken ct)
    {
        var decider = StreamDecider.For(StreamIds.Agency(code), rule, Agency.Initial, state => AgencyDecider.Decide(command, state))
            with
        { NotFoundCode = "agency.not-found", NotFoundMessage = $"机关 {code} 未登记。" };
        // The agency's own stream lives in its own tenant.
        return app.ExecuteAsync(code, actor, options, ct, decider);
    }
}
