using CaseFlow.Agencies;
using CaseFlow.Deadlines;
using CaseFlow.Letters;
using CaseFlow.Notifications;
using CaseFlow.Reminders;
using CaseFlow.Reporting.Closing;
using CaseFlow.Reporting.Stats;
using CaseFlow.Requests;
using CaseFlow.Requests.GettingDetails;
using CaseFlow.Reviews;
using CaseFlow.Reviews.GettingCases;
using CaseFlow.Users;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Events;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;

namespace CaseFlow.Infrastructure;

/// <summary>
/// Everything Marten must know about CaseFlow, in one place and explicit: tenancy (agency = tenant, conjoined), every
/// event type under its stable stored name, JSON, metadata, the write aggregates, the read models with the columns the
/// report SQL reads, and the async projection. No discovery: the code that runs is the code listed here.
/// </summary>
public static class MartenSetup
{
    /// <summary>Events and Marten's own tables.</summary>
    public const string EventSchema = "es";

    /// <summary>Read models (projected documents) and CaseFlow's other documents.</summary>
    public const string ReadSchema = "rm";

    /// <summary>Wolverine's envelopes, nodes and dead letters.</summary>
    public const string MessageSchema = "wolverine";

    /// <summary>The tenant of streams that belong to no agency (the working-day calendar).</summary>
    public const string SystemTenant = StorageConstants.DefaultTenantId;

    static MartenSetup()
    {
        // Duplicated LocalDate columns: Weasel must know the column type before any mapping is built.
        PostgresqlProvider.Instance.RegisterMapping(typeof(LocalDate), "date", NpgsqlDbType.Date);
        PostgresqlProvider.Instance.RegisterMapping(typeof(LocalDate?), "date", NpgsqlDbType.Date);
        PostgresqlProvider.Instance.RegisterMapping(typeof(Instant), "timestamp with time zone", NpgsqlDbType.TimestampTz);
        PostgresqlProvider.Instance.RegisterMapping(typeof(Instant?), "timestamp with time zone", NpgsqlDbType.TimestampTz);
    }

    /// <summary>The data source Marten, Wolverine and CaseFlow's own SQL share: NodaTime types, prepared statements.</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime();
        // Auto-prepare: about twice Marten's defaults on appends and commands (measured in the move to Marten).
        builder.ConnectionStringBuilder.MaxAutoPrepare = 128;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        // No session state outlives a use of a connection (advisory locks are released explicitly): skip the reset
        // round trip on every return to the pool.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    public static void Configure(StoreOptions o, NpgsqlDataSource dataSource, CaseFlowSettings settings)
    {
        ConfigureEvents(o, dataSource, settings);
        ConfigureDocuments(o);
        AddProjections(o, settings);
    }

    /// <summary>
    /// A store that projects request files into <paramref name="schema"/> from the same events: the rebuild beside the
    /// live read model (<see cref="Rebuilding.RebuildBesideAsync"/>) fills it while the app reads the live one.
    /// </summary>
    public static void ConfigureRequestFilesIn(StoreOptions o, NpgsqlDataSource dataSource, CaseFlowSettings settings, string schema)
    {
        ConfigureEvents(o, dataSource, settings);
        MapRequestFiles(o, schema);
        o.Projections.Add(new RequestFileProjection(settings.Outcomes), ProjectionLifecycle.Inline);
    }

    private static void ConfigureEvents(StoreOptions o, NpgsqlDataSource dataSource, CaseFlowSettings settings)
    {
        o.Connection(dataSource);
        o.DatabaseSchemaName = EventSchema;
        o.Events.DatabaseSchemaName = EventSchema;
        o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => CaseFlowJson.Configure(json));

        o.Events.StreamIdentity = StreamIdentity.AsGuid;
        o.Events.TenancyStyle = TenancyStyle.Conjoined;
        o.Policies.AllDocumentsAreMultiTenanted();
        o.Events.UseMandatoryStreamTypeDeclaration = true;
        // Who (user name), which command (header) and which import line or request (correlation) recorded each event.
        o.Events.MetadataConfig.UserNameEnabled = true;
        o.Events.MetadataConfig.CorrelationIdEnabled = true;
        o.Events.MetadataConfig.CausationIdEnabled = true;
        o.Events.MetadataConfig.HeadersEnabled = true;
        // Never skip a sequence gap while the transaction that could fill it is alive (ADR 0006).
        o.Projections.StaleSequenceThreshold = settings.StaleSequenceThreshold;
        o.Projections.UseTransactionEvidenceForGapSkipping = true;
        // In a rolling deploy an older node can meet an event type shipped by a newer one: the daemon skips it rather
        // than stopping (a new type ships its mapping one release before it is written: ADR 0006).
        o.Projections.Errors.SkipUnknownEvents = true;

        MapEventTypes(o.Events);
    }

    /// <summary>Every event type under its stable stored name. A type missing here fails the mapping test.</summary>
    public static void MapEventTypes(IEventStoreOptions events)
    {
        // agencies
        events.MapEventType<AgencyRegistered>("agency.registered.v1");
        events.MapEventType<AgencyRenamed>("agency.renamed.v1");
        events.MapEventType<LetterheadAdopted>("agency.letterhead-adopted.v1");
        // requests
        events.MapEventType<RequestReceived>("request.received.v1");
        events.MapEventType<OfficerAssigned>("request.officer-assigned.v1");
        events.MapEventType<ClarificationRequested>("request.clarification-requested.v1");
        events.MapEventType<CorrectedRequestReceived>("request.corrected-request-received.v1");
        events.MapEventType<ClarificationLapsed>("request.clarification-lapsed.v1");
        events.MapEventType<ExtensionApproved>("request.extension-approved.v1");
        events.MapEventType<ExtensionApprovalRequested>("request.extension-approval-requested.v1");
        events.MapEventType<ExtensionRefused>("request.extension-refused.v1");
        events.MapEventType<DelayedAnswerDateApprovalRequested>("request.delayed-answer-date-approval-requested.v1");
        events.MapEventType<DelayedAnswerDateRefused>("request.delayed-answer-date-refused.v1");
        events.MapEventType<ConsultationStarted>("request.consultation-started.v1");
        events.MapEventType<ConsultationEnded>("request.consultation-ended.v1");
        events.MapEventType<VolumeReasonsRequested>("request.volume-reasons-requested.v1");
        events.MapEventType<DelayedAnswerDateSet>("request.delayed-answer-date-set.v1");
        events.MapEventType<FeeNoticeIssued>("request.fee-notice-issued.v1");
        events.MapEventType<FeePaid>("request.fee-paid.v1");
        events.MapEventType<FeeLapsed>("request.fee-lapsed.v1");
        events.MapEventType<RequestAnswered>("request.answered.v1");
        events.MapEventType<RequestWithdrawn>("request.withdrawn.v1");
        events.MapEventType<RequestCarriedOver>("request.carried-over.v1");
        events.MapEventType<RequestReopened>("request.reopened.v1");
        events.MapEventType<AnswerDelivered>("request.answer-delivered.v1");
        events.MapEventType<RequestChallenged>("request.challenged.v1");
        events.MapEventType<LetterIssued>("request.letter-issued.v1");
        events.MapEventType<Letters.Numbering.LetterNumberTaken>("letters.number-taken.v1");
        // reviews (行政复议) and lawsuits (行政诉讼)
        events.MapEventType<ReviewFiled>("review.filed.v1");
        events.MapEventType<ReviewCorrectionRequested>("review.correction-requested.v1");
        events.MapEventType<ReviewCorrectionReceived>("review.correction-received.v1");
        events.MapEventType<ReviewAccepted>("review.accepted.v1");
        events.MapEventType<ReviewSuspended>("review.suspended.v1");
        events.MapEventType<ReviewResumed>("review.resumed.v1");
        events.MapEventType<ReviewExtended>("review.extended.v1");
        events.MapEventType<ReviewDecided>("review.decided.v1");
        events.MapEventType<ReviewDecisionDelivered>("review.decision-delivered.v1");
        events.MapEventType<LawsuitFiled>("lawsuit.filed.v1");
        events.MapEventType<LawsuitRegistered>("lawsuit.registered.v1");
        events.MapEventType<LawsuitSuspended>("lawsuit.suspended.v1");
        events.MapEventType<LawsuitResumed>("lawsuit.resumed.v1");
        events.MapEventType<LawsuitJudged>("lawsuit.judged.v1");
        events.MapEventType<JudgmentAppealed>("lawsuit.appealed.v1");
        events.MapEventType<JudgmentInForce>("lawsuit.judgment-in-force.v1");
        events.MapEventType<ReviewCopyReceived>("review.copy-received.v1");
        events.MapEventType<ReviewReplySubmitted>("review.reply-submitted.v1");
        events.MapEventType<ComplaintCopyReceived>("lawsuit.complaint-copy-received.v1");
        events.MapEventType<DefenceSubmitted>("lawsuit.defence-submitted.v1");
        // the annual report: table 二's figures, the year-end close and restatements
        events.MapEventType<DisclosureStatsRecorded>("disclosure-stats.recorded.v1");
        events.MapEventType<AnnualReportClosed>("annual-report.closed.v1");
        events.MapEventType<AnnualReportRestated>("annual-report.restated.v1");
        // accounts and role grants (who granted what, and when, is a fact auditors ask about)
        events.MapEventType<UserAccountCreated>("user.created.v1");
        events.MapEventType<UserRolesGranted>("user.roles-granted.v1");
        events.MapEventType<UserRolesRevoked>("user.roles-revoked.v1");
        events.MapEventType<UserRenamed>("user.renamed.v1");
        events.MapEventType<UserDisabled>("user.disabled.v1");
        events.MapEventType<UserEnabled>("user.enabled.v1");
        events.MapEventType<UserPasswordSet>("user.password-set.v1");
        // the working-day calendar: a year's State Council notice loaded, earlier versions kept in the stream
        events.MapEventType<CalendarYearLoaded>("calendar.year-loaded.v1");
    }

    /// <summary>Request files: the columns the report SQL and the lists filter on are real, typed, indexed columns.</summary>
    private static void MapRequestFiles(StoreOptions o, string schema) =>
        o.Schema.For<RequestFile>().DatabaseSchemaName(schema).DocumentAlias("request_files").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.Reference, notNull: true)
            .Duplicate(x => x.ReferenceKey)
            .Duplicate(x => x.Status, notNull: true)
            // The report's index: every column table 三 reads, so a province roll-up is an index-only scan of small
            // tuples instead of a scan of the (large) documents.
            .Duplicate(x => x.ReceivedOn, pgType: "date", dbType: NpgsqlDbType.Date, notNull: true, configure: index =>
            {
                index.Name = "mt_doc_request_files_report";
                index.IncludeColumns = ["tenant_id", "concluded_on", "applicant_column", "outcome"];
            })
            .Duplicate(x => x.Channel, notNull: true)
            .Duplicate(x => x.ApplicantType, notNull: true)
            .Duplicate(x => x.ApplicantName, notNull: true)
            .Duplicate(x => x.Officer!)
            .Duplicate(x => x.Subject!)
            .Duplicate(x => x.ApplicantColumn, notNull: true)
            .Duplicate(x => x.ConcludedOn!, pgType: "date", dbType: NpgsqlDbType.Date)
            .Duplicate(x => x.Outcome!)
            .Duplicate(x => x.Reopened, notNull: true)
            .UniqueIndex(UniqueIndexType.DuplicatedField, "request_files_reference", TenancyScope.PerTenant, x => x.Reference);

    private static void ConfigureDocuments(StoreOptions o)
    {
        MapRequestFiles(o, ReadSchema);
        o.Schema.For<CaseFile>().DatabaseSchemaName(ReadSchema).DocumentAlias("case_files").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.CaseReference, notNull: true)
            .Duplicate(x => x.RequestReference, notNull: true)
            .Duplicate(x => x.CaseGroup, notNull: true)
            .Duplicate(x => x.Counted, notNull: true)
            .Duplicate(x => x.FiledOn, pgType: "date", dbType: NpgsqlDbType.Date, notNull: true)
            .Duplicate(x => x.ConcludedOn!, pgType: "date", dbType: NpgsqlDbType.Date)
            .Duplicate(x => x.Result!);
        o.Schema.For<Agency>().DatabaseSchemaName(ReadSchema).DocumentAlias("agencies").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.Code, notNull: true)
            .Duplicate(x => x.Name, notNull: true)
            .Duplicate(x => x.Parent!);
        o.Schema.For<Letters.Numbering.LetterNumbering>().DatabaseSchemaName(ReadSchema).DocumentAlias("letter_numbers").Metadata(m => m.DotNetType.Enabled = false);
        o.Schema.For<DisclosureStats>().DatabaseSchemaName(ReadSchema).DocumentAlias("disclosure_stats").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.Year, notNull: true);
        o.Schema.For<AnnualReportBook>().DatabaseSchemaName(ReadSchema).DocumentAlias("annual_reports").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.Year, notNull: true)
            .Duplicate(x => x.LatestVersion, notNull: true);
        o.Schema.For<RestatementWatch.FactsChanged>().DatabaseSchemaName(ReadSchema).DocumentAlias("report_facts_changed").Metadata(m => m.DotNetType.Enabled = false);

        // Accounts: the account is projected from its stream (in the agency's tenant); the credential is global, so a
        // user name is unique across agencies, and it holds what must never be an event (the password hash, sign-ins).
        o.Schema.For<UserAccountDoc>().DatabaseSchemaName(ReadSchema).DocumentAlias("user_accounts").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.UserName, notNull: true);
        o.Schema.For<UserCredential>().DatabaseSchemaName(ReadSchema).DocumentAlias("user_credentials").Metadata(m => m.DotNetType.Enabled = false)
            .SingleTenanted().UseOptimisticConcurrency(true);
        // Sessions live in the agency's tenant beside its accounts: ending one is a delete every node sees at once.
        o.Schema.For<UserSession>().DatabaseSchemaName(ReadSchema).DocumentAlias("user_sessions").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.UserName, notNull: true);
        o.Schema.For<DataProtectionKey>().DatabaseSchemaName(ReadSchema).DocumentAlias("data_protection_keys").Metadata(m => m.DotNetType.Enabled = false)
            .SingleTenanted();
        o.Schema.For<CalendarYearRecord>().DatabaseSchemaName(ReadSchema).DocumentAlias("calendar_years").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.Year, notNull: true);
        o.Schema.For<LetterTemplateVersion>().DatabaseSchemaName(ReadSchema).DocumentAlias("letter_templates").Metadata(m => m.DotNetType.Enabled = false)
            .Duplicate(x => x.Template, notNull: true)
            .Duplicate(x => x.Version, notNull: true);
        o.Schema.For<Notification>().DatabaseSchemaName(ReadSchema).DocumentAlias("notifications").Metadata(m => m.DotNetType.Enabled = false)
            .SingleTenanted()
            .Duplicate(x => x.UserName, notNull: true)
            .Duplicate(x => x.CreatedAt, pgType: "timestamp with time zone", dbType: NpgsqlDbType.TimestampTz, notNull: true)
            .Duplicate(x => x.ReadAt!, pgType: "timestamp with time zone", dbType: NpgsqlDbType.TimestampTz);
        o.Schema.For<CaseFlow.Reminders.UnroutedReminder>().DatabaseSchemaName(ReadSchema).DocumentAlias("unrouted_reminders").Metadata(m => m.DotNetType.Enabled = false);
        o.Schema.For<RecurringChain>().DatabaseSchemaName(ReadSchema).DocumentAlias("recurring_chains").Metadata(m => m.DotNetType.Enabled = false);
        o.Schema.For<StoreMigration.StoreMigrated>().DatabaseSchemaName(EventSchema).DocumentAlias("store_migrations").Metadata(m => m.DotNetType.Enabled = false)
            .SingleTenanted();
        o.Schema.For<CommandRecord>().DatabaseSchemaName(EventSchema).DocumentAlias("command_keys").Metadata(m => m.DotNetType.Enabled = false);
    }

    private static void AddProjections(StoreOptions o, CaseFlowSettings settings)
    {
        // Inline: written in the append transaction, so what was just recorded is already listed and counted. Each is
        // also what commands on its streams fetch for writing: one row read under the stream's lock, no fold.
        o.Projections.Add(new RequestFileProjection(settings.Outcomes), ProjectionLifecycle.Inline);
        o.Projections.Add(new CaseFileProjection(settings.Counting.SecondInstance, settings.CaseResults), ProjectionLifecycle.Inline);
        o.Projections.Add(new AgencyProjection(), ProjectionLifecycle.Inline);
        o.Projections.Add(new DisclosureStatsProjection(), ProjectionLifecycle.Inline);
        o.Projections.Add(new Letters.Numbering.LetterNumberingProjection(), ProjectionLifecycle.Inline);
        o.Projections.Add(new AnnualReportProjection(), ProjectionLifecycle.Inline);
        o.Projections.Add(new UserAccountProjection(), ProjectionLifecycle.Inline);
        o.Projections.Add(new CalendarYearProjection(), ProjectionLifecycle.Inline);

        // Async, in the daemon: notices facts that change a closed year's report and asks for a restatement.
        o.Projections.Add(new RestatementWatch(), ProjectionLifecycle.Async);
    }
}
