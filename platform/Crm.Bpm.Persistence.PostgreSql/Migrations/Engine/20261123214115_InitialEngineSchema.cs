using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Bpm.Persistence.PostgreSql.Migrations.Engine
{
    /// <inheritdoc />
    public partial class InitialEngineSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bpm_buffered_messages",
                columns: table => new
                {
                    message_key = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    correlation_key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    variables = table.Column<string>(type: "text", nullable: false),
                    expires_at = table.Column<long>(type: "bigint", nullable: false),
                    message_id = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_buffered_messages", x => x.message_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_definitions",
                columns: table => new
                {
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    resource_name = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: true),
                    checksum = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deployed_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_definitions", x => x.definition_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_element_instances",
                columns: table => new
                {
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    parent_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_element_instances", x => x.element_instance_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_history",
                columns: table => new
                {
                    event_key = table.Column<long>(type: "bigint", nullable: false),
                    event_time = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    variable_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    value = table.Column<string>(type: "text", nullable: true),
                    scope_key = table.Column<long>(type: "bigint", nullable: false),
                    task_key = table.Column<long>(type: "bigint", nullable: false),
                    incident_key = table.Column<long>(type: "bigint", nullable: false),
                    job_key = table.Column<long>(type: "bigint", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_history", x => x.event_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_incidents",
                columns: table => new
                {
                    incident_key = table.Column<long>(type: "bigint", nullable: false),
                    incident_type = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    job_key = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_incidents", x => x.incident_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_jobs",
                columns: table => new
                {
                    job_key = table.Column<long>(type: "bigint", nullable: false),
                    job_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    retries = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    retry_after = table.Column<long>(type: "bigint", nullable: true),
                    worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    deadline = table.Column<long>(type: "bigint", nullable: true),
                    custom_headers = table.Column<string>(type: "text", nullable: false),
                    variables = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_jobs", x => x.job_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_key_blocks",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    next_key = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_key_blocks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bpm_process_instances",
                columns: table => new
                {
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    parent_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    parent_element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    start_time = table.Column<long>(type: "bigint", nullable: false),
                    end_time = table.Column<long>(type: "bigint", nullable: true),
                    data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_process_instances", x => x.instance_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_schema_info",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    schema_version = table.Column<int>(type: "integer", nullable: false),
                    product_version = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_schema_info", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bpm_subscriptions",
                columns: table => new
                {
                    subscription_key = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    correlation_key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    interrupting = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_subscriptions", x => x.subscription_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_task_candidates",
                columns: table => new
                {
                    task_key = table.Column<long>(type: "bigint", nullable: false),
                    candidate_kind = table.Column<int>(type: "integer", nullable: false),
                    candidate = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_task_candidates", x => new { x.task_key, x.candidate_kind, x.candidate });
                });

            migrationBuilder.CreateTable(
                name: "bpm_timers",
                columns: table => new
                {
                    timer_key = table.Column<long>(type: "bigint", nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    due_date = table.Column<long>(type: "bigint", nullable: false),
                    repetitions = table.Column<int>(type: "integer", nullable: false),
                    interval_text = table.Column<string>(type: "text", nullable: true),
                    cron = table.Column<string>(type: "text", nullable: true),
                    lock_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    locked_until = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_timers", x => x.timer_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_user_tasks",
                columns: table => new
                {
                    task_key = table.Column<long>(type: "bigint", nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_instance_key = table.Column<long>(type: "bigint", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bpmn_process_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition_key = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    assignee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    candidate_users = table.Column<string>(type: "text", nullable: false),
                    candidate_groups = table.Column<string>(type: "text", nullable: false),
                    due_date = table.Column<long>(type: "bigint", nullable: true),
                    follow_up_date = table.Column<long>(type: "bigint", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    form_key = table.Column<string>(type: "text", nullable: true),
                    variables = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_user_tasks", x => x.task_key);
                });

            migrationBuilder.CreateTable(
                name: "bpm_variables",
                columns: table => new
                {
                    scope_key = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    instance_key = table.Column<long>(type: "bigint", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bpm_variables", x => new { x.scope_key, x.name });
                });

            migrationBuilder.InsertData(
                table: "bpm_key_blocks",
                columns: new[] { "id", "next_key" },
                values: new object[] { 1, 1L });

            migrationBuilder.InsertData(
                table: "bpm_schema_info",
                columns: new[] { "id", "product_version", "schema_version" },
                values: new object[] { 1, "1", 1 });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_buffered_messages_correlation",
                table: "bpm_buffered_messages",
                columns: new[] { "name", "correlation_key" });

            migrationBuilder.CreateIndex(
                name: "ux_bpm_definitions_process_version",
                table: "bpm_definitions",
                columns: new[] { "bpmn_process_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bpm_element_instances_instance",
                table: "bpm_element_instances",
                column: "instance_key");

            migrationBuilder.CreateIndex(
                name: "ix_bpm_history_instance",
                table: "bpm_history",
                columns: new[] { "instance_key", "event_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_history_kind_time",
                table: "bpm_history",
                columns: new[] { "kind", "event_time" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_history_process",
                table: "bpm_history",
                columns: new[] { "bpmn_process_id", "event_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_incidents_instance",
                table: "bpm_incidents",
                column: "instance_key");

            migrationBuilder.CreateIndex(
                name: "ix_bpm_jobs_activation",
                table: "bpm_jobs",
                columns: new[] { "job_type", "state", "job_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_jobs_instance",
                table: "bpm_jobs",
                column: "instance_key");

            migrationBuilder.CreateIndex(
                name: "ix_bpm_process_instances_end_time",
                table: "bpm_process_instances",
                column: "end_time");

            migrationBuilder.CreateIndex(
                name: "ix_bpm_process_instances_parent",
                table: "bpm_process_instances",
                column: "parent_instance_key");

            migrationBuilder.CreateIndex(
                name: "ix_bpm_process_instances_process",
                table: "bpm_process_instances",
                columns: new[] { "bpmn_process_id", "instance_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_subscriptions_correlation",
                table: "bpm_subscriptions",
                columns: new[] { "kind", "name", "correlation_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_subscriptions_owner",
                table: "bpm_subscriptions",
                columns: new[] { "definition_key", "instance_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_task_candidates_candidate",
                table: "bpm_task_candidates",
                columns: new[] { "candidate_kind", "candidate", "task_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_timers_due",
                table: "bpm_timers",
                columns: new[] { "due_date", "timer_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_timers_owner",
                table: "bpm_timers",
                columns: new[] { "definition_key", "instance_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_user_tasks_assignee",
                table: "bpm_user_tasks",
                columns: new[] { "assignee", "due_date", "task_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_user_tasks_due",
                table: "bpm_user_tasks",
                columns: new[] { "due_date", "task_key" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_user_tasks_instance",
                table: "bpm_user_tasks",
                column: "instance_key");

            migrationBuilder.CreateIndex(
                name: "ix_bpm_variables_instance",
                table: "bpm_variables",
                column: "instance_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bpm_buffered_messages");

            migrationBuilder.DropTable(
                name: "bpm_definitions");

            migrationBuilder.DropTable(
                name: "bpm_element_instances");

            migrationBuilder.DropTable(
                name: "bpm_history");

            migrationBuilder.DropTable(
                name: "bpm_incidents");

            migrationBuilder.DropTable(
                name: "bpm_jobs");

            migrationBuilder.DropTable(
                name: "bpm_key_blocks");

            migrationBuilder.DropTable(
                name: "bpm_process_instances");

            migrationBuilder.DropTable(
                name: "bpm_schema_info");

            migrationBuilder.DropTable(
                name: "bpm_subscriptions");

            migrationBuilder.DropTable(
                name: "bpm_task_candidates");

            migrationBuilder.DropTable(
                name: "bpm_timers");

            migrationBuilder.DropTable(
                name: "bpm_user_tasks");

            migrationBuilder.DropTable(
                name: "bpm_variables");
        }
    }
}
