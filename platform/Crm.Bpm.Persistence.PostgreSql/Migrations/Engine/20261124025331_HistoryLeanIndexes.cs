using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Bpm.Persistence.PostgreSql.Migrations.Engine
{
    /// <inheritdoc />
    public partial class HistoryLeanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bpm_history_kind_time",
                table: "bpm_history");

            migrationBuilder.DropIndex(
                name: "ix_bpm_history_process",
                table: "bpm_history");

            migrationBuilder.UpdateData(
                table: "bpm_schema_info",
                keyColumn: "id",
                keyValue: 1,
                column: "schema_version",
                value: 3);

            migrationBuilder.CreateIndex(
                name: "ix_bpm_history_ended",
                table: "bpm_history",
                column: "event_time",
                filter: "kind IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bpm_history_ended",
                table: "bpm_history");

            migrationBuilder.UpdateData(
                table: "bpm_schema_info",
                keyColumn: "id",
                keyValue: 1,
                column: "schema_version",
                value: 2);

            migrationBuilder.CreateIndex(
                name: "ix_bpm_history_kind_time",
                table: "bpm_history",
                columns: new[] { "kind", "event_time" });

            migrationBuilder.CreateIndex(
                name: "ix_bpm_history_process",
                table: "bpm_history",
                columns: new[] { "bpmn_process_id", "event_key" });
        }
    }
}
