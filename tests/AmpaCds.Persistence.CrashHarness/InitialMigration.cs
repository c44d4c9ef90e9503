using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Persistence.CrashHarness;

[DbContext(typeof(CrashHarnessDbContext))]
[Migration("20261204000000_Initial")]
public sealed class InitialMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        MessagingTables.Create(migrationBuilder);
        MessagingTables.AddTraceParent(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ProbeEffects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ProbeEffects", row => row.Id));
    }
}
