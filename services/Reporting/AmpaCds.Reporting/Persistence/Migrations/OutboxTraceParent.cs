using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>
/// OutboxMessages.TraceParent and PacsDeliveries.TraceParent: outgoing messages and PACS sends continue the trace of the
/// work that wrote them (docs/OPERATIONS-TRACING.md).
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120503_OutboxTraceParent")]
public sealed class OutboxTraceParent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        MessagingTables.AddTraceParent(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "TraceParent", table: "PacsDeliveries", maxLength: MessagingTables.TraceParentLength, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "TraceParent", table: "PacsDeliveries");
        MessagingTables.DropTraceParent(migrationBuilder);
    }
}
