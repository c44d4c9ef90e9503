using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>
/// The audit record repository: AuditEvents, append-only by a trigger that raises on UPDATE and DELETE on
/// either provider (so no code path of this service, nor a careless operator's SQL, rewrites the trail), and
/// AuditForwards, the syslog forwarding's progress.
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120411_AuditEvents")]
public sealed class AuditEvents : Migration
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecordedAtUtcTicks = table.Column<long>(nullable: false),
                OccurredAtUtcTicks = table.Column<long>(nullable: false),
                Source = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                Roles = table.Column<string>(nullable: false),
                NetworkAddress = table.Column<string>(nullable: true),
                PatientId = table.Column<string>(nullable: true),
                StudyInstanceUid = table.Column<string>(nullable: true),
                Detail = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEvents", audit => audit.Id));
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_OccurredAtUtcTicks", table: "AuditEvents", column: "OccurredAtUtcTicks");
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_RecordedAtUtcTicks", table: "AuditEvents", column: "RecordedAtUtcTicks");
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_PatientId", table: "AuditEvents", column: "PatientId");
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_UserId", table: "AuditEvents", column: "UserId");

        migrationBuilder.CreateTable(
            name: "AuditForwards",
            columns: table => new
            {
                EventId = table.Column<Guid>(nullable: false),
                ForwardedAtUtcTicks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditForwards", forward => forward.EventId));

        if (migrationBuilder.ActiveProvider == PostgresProvider)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEvents is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEvents_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
                """);
            // Row triggers do not see TRUNCATE.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only: DELETE refused'); END;
                """);
        }
    }
}
