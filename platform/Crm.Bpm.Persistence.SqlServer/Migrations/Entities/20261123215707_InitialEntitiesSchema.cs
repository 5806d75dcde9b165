using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Bpm.Persistence.SqlServer.Migrations.Entities
{
    /// <inheritdoc />
    public partial class InitialEntitiesSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crm_change_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    record_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    kind = table.Column<int>(type: "int", nullable: false),
                    field = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    old_value = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    new_value = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    user_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    changed_on = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_change_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "crm_duplicate_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    rule = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "nvarchar(900)", maxLength: 900, nullable: false),
                    record_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_duplicate_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "crm_field_rights",
                columns: table => new
                {
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    field = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    access = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_field_rights", x => new { x.entity, x.field, x.role });
                });

            migrationBuilder.CreateTable(
                name: "crm_operation_rights",
                columns: table => new
                {
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    can_create = table.Column<bool>(type: "bit", nullable: false),
                    can_read = table.Column<bool>(type: "bit", nullable: false),
                    can_update = table.Column<bool>(type: "bit", nullable: false),
                    can_delete = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_operation_rights", x => new { x.entity, x.role });
                });

            migrationBuilder.CreateTable(
                name: "crm_record_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    record_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    kind = table.Column<int>(type: "int", nullable: false),
                    changed_fields = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    occurred_on = table.Column<DateTime>(type: "datetime2", nullable: false),
                    processed_on = table.Column<DateTime>(type: "datetime2", nullable: true),
                    locked_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    locked_until = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_record_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "crm_record_grants",
                columns: table => new
                {
                    record_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    grantee_kind = table.Column<int>(type: "int", nullable: false),
                    grantee = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    can_read = table.Column<bool>(type: "bit", nullable: false),
                    can_update = table.Column<bool>(type: "bit", nullable: false),
                    can_delete = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_record_grants", x => new { x.record_id, x.grantee_kind, x.grantee });
                });

            migrationBuilder.CreateTable(
                name: "crm_records",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    owner_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    created_on = table.Column<DateTime>(type: "datetime2", nullable: false),
                    created_by = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    modified_on = table.Column<DateTime>(type: "datetime2", nullable: false),
                    modified_by = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: true),
                    display = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    search = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    data = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "crm_roles",
                columns: table => new
                {
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_roles", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "crm_schemas",
                columns: table => new
                {
                    entity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    document = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    registered_on = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_schemas", x => new { x.entity, x.version });
                });

            migrationBuilder.CreateTable(
                name: "crm_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    role = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_user_roles", x => new { x.user_id, x.role });
                });

            migrationBuilder.CreateTable(
                name: "crm_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(36)", maxLength: 36, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    is_administrator = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_users", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_crm_change_log_entity_changed_on",
                table: "crm_change_log",
                columns: new[] { "entity", "changed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_crm_change_log_entity_record_id_id",
                table: "crm_change_log",
                columns: new[] { "entity", "record_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_crm_duplicate_keys_entity_rule_key",
                table: "crm_duplicate_keys",
                columns: new[] { "entity", "rule", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_crm_duplicate_keys_record_id",
                table: "crm_duplicate_keys",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_crm_record_events_pending",
                table: "crm_record_events",
                column: "id",
                filter: "processed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_crm_records_entity_created_on",
                table: "crm_records",
                columns: new[] { "entity", "created_on" });

            migrationBuilder.CreateIndex(
                name: "ix_crm_records_entity_owner_id",
                table: "crm_records",
                columns: new[] { "entity", "owner_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_change_log");

            migrationBuilder.DropTable(
                name: "crm_duplicate_keys");

            migrationBuilder.DropTable(
                name: "crm_field_rights");

            migrationBuilder.DropTable(
                name: "crm_operation_rights");

            migrationBuilder.DropTable(
                name: "crm_record_events");

            migrationBuilder.DropTable(
                name: "crm_record_grants");

            migrationBuilder.DropTable(
                name: "crm_records");

            migrationBuilder.DropTable(
                name: "crm_roles");

            migrationBuilder.DropTable(
                name: "crm_schemas");

            migrationBuilder.DropTable(
                name: "crm_user_roles");

            migrationBuilder.DropTable(
                name: "crm_users");
        }
    }
}
