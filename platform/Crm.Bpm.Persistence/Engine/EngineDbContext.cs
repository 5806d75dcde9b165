using Crm.Bpm.Persistence.Engine.Tables;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Bpm.Persistence.Engine;

/// <summary>The engine's tables (definitions, instances, elements, variables, jobs, timers, subscriptions, messages, user tasks, incidents, history, keys, schema info) for migrations and schema checks.</summary>
/// <remarks>
/// The store reads and writes these tables with prepared SQL (<see cref="EfProcessStore"/>), not with change tracking,
/// so column names are given explicitly in lower snake case: the same SQL text runs on every provider. Times are UTC
/// ticks (<c>bigint</c>) so that they compare and index alike everywhere.
/// </remarks>
public class EngineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();

    public DbSet<ProcessInstanceRow> ProcessInstances => Set<ProcessInstanceRow>();

    public DbSet<ElementInstanceRow> ElementInstances => Set<ElementInstanceRow>();

    public DbSet<ScopeVariableRow> Variables => Set<ScopeVariableRow>();

    public DbSet<JobRow> Jobs => Set<JobRow>();

    public DbSet<TimerRow> Timers => Set<TimerRow>();

    public DbSet<SubscriptionRow> Subscriptions => Set<SubscriptionRow>();

    public DbSet<BufferedMessageRow> BufferedMessages => Set<BufferedMessageRow>();

    public DbSet<UserTaskRow> UserTasks => Set<UserTaskRow>();

    public DbSet<TaskCandidateRow> TaskCandidates => Set<TaskCandidateRow>();

    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();

    public DbSet<HistoryEventRow> History => Set<HistoryEventRow>();

    public DbSet<KeyBlockRow> KeyBlocks => Set<KeyBlockRow>();

    public DbSet<SchemaInfoRow> SchemaInfo => Set<SchemaInfoRow>();

    private const int IdLength = 200;

    /// <summary>The history events that end an instance (completed, terminated), as an SQL condition the time-to-live delete repeats literally so that the partial index serves it.</summary>
    internal static readonly string EndedFilter =
        $"kind IN ({(int)Crm.Bpm.Engine.Runtime.History.HistoryEventKind.InstanceCompleted}, {(int)Crm.Bpm.Engine.Runtime.History.HistoryEventKind.InstanceTerminated})";
    private const int NameLength = 400;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<DefinitionRow>(e =>
        {
            e.ToTable("bpm_definitions");
            e.HasKey(x => x.DefinitionKey);
            Key(e.Property(x => x.DefinitionKey), "definition_key");
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.ResourceName).HasColumnName("resource_name");
            e.Property(x => x.Source).HasColumnName("source");
            e.Property(x => x.Checksum).HasColumnName("checksum").HasMaxLength(IdLength);
            e.Property(x => x.DeployedAt).HasColumnName("deployed_at");
            // Two servers deploying the same new version at once: the second insert fails and its command retries.
            e.HasIndex(x => new { x.BpmnProcessId, x.Version }).IsUnique().HasDatabaseName("ux_bpm_definitions_process_version");
        });

        modelBuilder.Entity<ProcessInstanceRow>(e =>
        {
            e.ToTable("bpm_process_instances");
            e.HasKey(x => x.InstanceKey);
            Key(e.Property(x => x.InstanceKey), "instance_key");
            e.Property(x => x.DefinitionKey).HasColumnName("definition_key");
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.State).HasColumnName("state");
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.ParentInstanceKey).HasColumnName("parent_instance_key");
            e.Property(x => x.ParentElementInstanceKey).HasColumnName("parent_element_instance_key");
            e.Property(x => x.StartTime).HasColumnName("start_time");
            e.Property(x => x.EndTime).HasColumnName("end_time");
            e.Property(x => x.Data).HasColumnName("data");
            e.HasIndex(x => new { x.BpmnProcessId, x.InstanceKey }).HasDatabaseName("ix_bpm_process_instances_process");
            e.HasIndex(x => x.ParentInstanceKey).HasDatabaseName("ix_bpm_process_instances_parent");
            e.HasIndex(x => x.EndTime).HasDatabaseName("ix_bpm_process_instances_end_time");
        });

        modelBuilder.Entity<ElementInstanceRow>(e =>
        {
            e.ToTable("bpm_element_instances");
            e.HasKey(x => x.ElementInstanceKey);
            Key(e.Property(x => x.ElementInstanceKey), "element_instance_key");
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ParentKey).HasColumnName("parent_key");
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.State).HasColumnName("state");
            e.Property(x => x.Data).HasColumnName("data");
            e.HasIndex(x => x.InstanceKey).HasDatabaseName("ix_bpm_element_instances_instance");
        });

        modelBuilder.Entity<ScopeVariableRow>(e =>
        {
            e.ToTable("bpm_variables");
            e.HasKey(x => new { x.ScopeKey, x.Name });
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ScopeKey).HasColumnName("scope_key").ValueGeneratedNever();
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(NameLength);
            e.Property(x => x.Value).HasColumnName("value");
            e.HasIndex(x => x.InstanceKey).HasDatabaseName("ix_bpm_variables_instance");
        });

        modelBuilder.Entity<JobRow>(e =>
        {
            e.ToTable("bpm_jobs");
            e.HasKey(x => x.JobKey);
            Key(e.Property(x => x.JobKey), "job_key");
            e.Property(x => x.JobType).HasColumnName("job_type").HasMaxLength(IdLength);
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ElementInstanceKey).HasColumnName("element_instance_key");
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.DefinitionKey).HasColumnName("definition_key");
            e.Property(x => x.Retries).HasColumnName("retries");
            e.Property(x => x.State).HasColumnName("state");
            e.Property(x => x.ErrorMessage).HasColumnName("error_message");
            e.Property(x => x.RetryAfter).HasColumnName("retry_after");
            e.Property(x => x.Worker).HasColumnName("worker").HasMaxLength(IdLength);
            e.Property(x => x.Deadline).HasColumnName("deadline");
            e.Property(x => x.CustomHeaders).HasColumnName("custom_headers");
            e.Property(x => x.Variables).HasColumnName("variables");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            // Job activation: by type and state, oldest key first.
            e.HasIndex(x => new { x.JobType, x.State, x.JobKey }).HasDatabaseName("ix_bpm_jobs_activation");
            e.HasIndex(x => x.InstanceKey).HasDatabaseName("ix_bpm_jobs_instance");
        });

        modelBuilder.Entity<TimerRow>(e =>
        {
            e.ToTable("bpm_timers");
            e.HasKey(x => x.TimerKey);
            Key(e.Property(x => x.TimerKey), "timer_key");
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ElementInstanceKey).HasColumnName("element_instance_key");
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.DefinitionKey).HasColumnName("definition_key");
            e.Property(x => x.DueDate).HasColumnName("due_date");
            e.Property(x => x.Repetitions).HasColumnName("repetitions");
            e.Property(x => x.Interval).HasColumnName("interval_text");
            e.Property(x => x.Cron).HasColumnName("cron");
            e.Property(x => x.LockOwner).HasColumnName("lock_owner").HasMaxLength(IdLength);
            e.Property(x => x.LockedUntil).HasColumnName("locked_until");
            e.HasIndex(x => new { x.DueDate, x.TimerKey }).HasDatabaseName("ix_bpm_timers_due");
            e.HasIndex(x => new { x.DefinitionKey, x.InstanceKey }).HasDatabaseName("ix_bpm_timers_owner");
        });

        modelBuilder.Entity<SubscriptionRow>(e =>
        {
            e.ToTable("bpm_subscriptions");
            e.HasKey(x => x.SubscriptionKey);
            Key(e.Property(x => x.SubscriptionKey), "subscription_key");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(NameLength);
            e.Property(x => x.CorrelationKey).HasColumnName("correlation_key").HasMaxLength(NameLength);
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ElementInstanceKey).HasColumnName("element_instance_key");
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.DefinitionKey).HasColumnName("definition_key");
            e.Property(x => x.Interrupting).HasColumnName("interrupting");
            e.HasIndex(x => new { x.Kind, x.Name, x.CorrelationKey }).HasDatabaseName("ix_bpm_subscriptions_correlation");
            e.HasIndex(x => new { x.DefinitionKey, x.InstanceKey }).HasDatabaseName("ix_bpm_subscriptions_owner");
        });

        modelBuilder.Entity<BufferedMessageRow>(e =>
        {
            e.ToTable("bpm_buffered_messages");
            e.HasKey(x => x.MessageKey);
            Key(e.Property(x => x.MessageKey), "message_key");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(NameLength);
            e.Property(x => x.CorrelationKey).HasColumnName("correlation_key").HasMaxLength(NameLength);
            e.Property(x => x.Variables).HasColumnName("variables");
            e.Property(x => x.ExpiresAt).HasColumnName("expires_at");
            e.Property(x => x.MessageId).HasColumnName("message_id").HasMaxLength(NameLength);
            e.HasIndex(x => new { x.Name, x.CorrelationKey }).HasDatabaseName("ix_bpm_buffered_messages_correlation");
        });

        modelBuilder.Entity<UserTaskRow>(e =>
        {
            e.ToTable("bpm_user_tasks");
            e.HasKey(x => x.TaskKey);
            Key(e.Property(x => x.TaskKey), "task_key");
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ElementInstanceKey).HasColumnName("element_instance_key");
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.DefinitionKey).HasColumnName("definition_key");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Assignee).HasColumnName("assignee").HasMaxLength(IdLength);
            e.Property(x => x.CandidateUsers).HasColumnName("candidate_users");
            e.Property(x => x.CandidateGroups).HasColumnName("candidate_groups");
            e.Property(x => x.DueDate).HasColumnName("due_date");
            e.Property(x => x.FollowUpDate).HasColumnName("follow_up_date");
            e.Property(x => x.Priority).HasColumnName("priority");
            e.Property(x => x.FormKey).HasColumnName("form_key");
            e.Property(x => x.Variables).HasColumnName("variables");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.HasIndex(x => new { x.Assignee, x.DueDate, x.TaskKey }).HasDatabaseName("ix_bpm_user_tasks_assignee");
            e.HasIndex(x => new { x.DueDate, x.TaskKey }).HasDatabaseName("ix_bpm_user_tasks_due");
            e.HasIndex(x => x.InstanceKey).HasDatabaseName("ix_bpm_user_tasks_instance");
        });

        modelBuilder.Entity<TaskCandidateRow>(e =>
        {
            e.ToTable("bpm_task_candidates");
            e.HasKey(x => new { x.TaskKey, x.CandidateKind, x.Candidate });
            e.Property(x => x.TaskKey).HasColumnName("task_key").ValueGeneratedNever();
            e.Property(x => x.CandidateKind).HasColumnName("candidate_kind");
            e.Property(x => x.Candidate).HasColumnName("candidate").HasMaxLength(IdLength);
            e.Property(x => x.DueSort).HasColumnName("due_sort");
            // The task query: "open tasks assigned to me or offered to me or one of my groups, by due date (none last),
            // then key": one index range per user or group, already in that order (TaskCandidateRow).
            e.HasIndex(x => new { x.CandidateKind, x.Candidate, x.DueSort, x.TaskKey }).HasDatabaseName("ix_bpm_task_candidates_due");
        });

        modelBuilder.Entity<IncidentRow>(e =>
        {
            e.ToTable("bpm_incidents");
            e.HasKey(x => x.IncidentKey);
            Key(e.Property(x => x.IncidentKey), "incident_key");
            e.Property(x => x.IncidentType).HasColumnName("incident_type");
            e.Property(x => x.Message).HasColumnName("message");
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.ElementInstanceKey).HasColumnName("element_instance_key");
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.JobKey).HasColumnName("job_key");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.HasIndex(x => x.InstanceKey).HasDatabaseName("ix_bpm_incidents_instance");
        });

        modelBuilder.Entity<HistoryEventRow>(e =>
        {
            e.ToTable("bpm_history");
            e.HasKey(x => x.EventKey);
            Key(e.Property(x => x.EventKey), "event_key");
            e.Property(x => x.EventTime).HasColumnName("event_time");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.InstanceKey).HasColumnName("instance_key");
            e.Property(x => x.DefinitionKey).HasColumnName("definition_key");
            e.Property(x => x.BpmnProcessId).HasColumnName("bpmn_process_id").HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasColumnName("element_id").HasMaxLength(IdLength);
            e.Property(x => x.ElementInstanceKey).HasColumnName("element_instance_key");
            e.Property(x => x.ElementType).HasColumnName("element_type").HasMaxLength(IdLength);
            e.Property(x => x.VariableName).HasColumnName("variable_name").HasMaxLength(NameLength);
            e.Property(x => x.Value).HasColumnName("value");
            e.Property(x => x.ScopeKey).HasColumnName("scope_key");
            e.Property(x => x.TaskKey).HasColumnName("task_key");
            e.Property(x => x.IncidentKey).HasColumnName("incident_key");
            e.Property(x => x.JobKey).HasColumnName("job_key");
            e.Property(x => x.Detail).HasColumnName("detail");
            e.HasIndex(x => new { x.InstanceKey, x.EventKey }).HasDatabaseName("ix_bpm_history_instance");
            // Time to live: find the instances that ended before a cut-off. Only the instances' end events are indexed:
            // every history row is written once per event and each index on the table costs every commit a page (on
            // SQLite, straight10 ran at half the speed with indexes by process and by kind and time). Queries by process
            // or kind without an instance walk the events in key order.
            e.HasIndex(x => x.EventTime).HasFilter(EndedFilter).HasDatabaseName("ix_bpm_history_ended");
        });

        modelBuilder.Entity<KeyBlockRow>(e =>
        {
            e.ToTable("bpm_key_blocks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.NextKey).HasColumnName("next_key");
            e.HasData(new KeyBlockRow { Id = 1, NextKey = 1 });
        });

        modelBuilder.Entity<SchemaInfoRow>(e =>
        {
            e.ToTable("bpm_schema_info");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.SchemaVersion).HasColumnName("schema_version");
            e.Property(x => x.ProductVersion).HasColumnName("product_version").HasMaxLength(IdLength);
            e.HasData(new SchemaInfoRow { Id = 1, SchemaVersion = EngineSchema.Version, ProductVersion = "1" });
        });
    }

    private static void Key(PropertyBuilder<long> property, string column) => property.HasColumnName(column).ValueGeneratedNever();
}
