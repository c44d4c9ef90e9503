using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Quantification.Persistence.Migrations;

/// <summary>OutboxMessages.TraceParent: outgoing messages continue the trace of the work that wrote them (docs/OPERATIONS-TRACING.md).</summary>
[DbContext(typeof(QuantificationDbContext))]
[Migration("2026120503_OutboxTraceParent")]
public sealed class OutboxTraceParent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => MessagingTables.AddTraceParent(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => MessagingTables.DropTraceParent(migrationBuilder);
}
