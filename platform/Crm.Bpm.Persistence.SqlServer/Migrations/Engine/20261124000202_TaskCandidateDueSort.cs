using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Bpm.Persistence.SqlServer.Migrations.Engine
{
    /// <inheritdoc />
    public partial class TaskCandidateDueSort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bpm_task_candidates_candidate",
                table: "bpm_task_candidates");

            migrationBuilder.AddColumn<long>(
                name: "due_sort",
                table: "bpm_task_candidates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The open tasks' candidate rows take their task's due date (none: last), and every assigned task gets its
            // assignee row (kind 2), so that the task query answers from the candidate rows alone (TaskCandidateRow).
            migrationBuilder.Sql("UPDATE bpm_task_candidates SET due_sort = COALESCE((SELECT t.due_date FROM bpm_user_tasks t WHERE t.task_key = bpm_task_candidates.task_key), 9223372036854775807)");
            migrationBuilder.Sql("INSERT INTO bpm_task_candidates (task_key, candidate_kind, candidate, due_sort) SELECT task_key, 2, assignee, COALESCE(due_date, 9223372036854775807) FROM bpm_user_tasks WHERE assignee IS NOT NULL");

            migrationBuilder.UpdateData(
                table: "bpm_schema_info",
                keyColumn: "id",
                keyValue: 1,
                column: "schema_version",
                value: 2);

            migrationBuilder.CreateIndex(
                name: "ix_bpm_task_candidates_due",
                table: "bpm_task_candidates",
                columns: new[] { "candidate_kind", "candidate", "due_sort", "task_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM bpm_task_candidates WHERE candidate_kind = 2");

            migrationBuilder.DropIndex(
                name: "ix_bpm_task_candidates_due",
                table: "bpm_task_candidates");

            migrationBuilder.DropColumn(
                name: "due_sort",
                table: "bpm_task_candidates");

            migrationBuilder.UpdateData(
                table: "bpm_schema_info",
                keyColumn: "id",
                keyValue: 1,
                column: "schema_version",
                value: 1);

            migrationBuilder.CreateIndex(
                name: "ix_bpm_task_candidates_candidate",
                table: "bpm_task_candidates",
                columns: new[] { "candidate_kind", "candidate", "task_key" });
        }
    }
}
