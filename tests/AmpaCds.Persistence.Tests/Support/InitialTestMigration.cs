using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>The test service's one migration, run unchanged on SQLite and PostgreSQL.</summary>
[DbContext(typeof(TestServiceDbContext))]
[Migration(Id)]
public sealed class InitialTestMigration : Migration
{
    public const string Id = "20261204000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        MessagingTables.Create(migrationBuilder);
        MessagingTables.AddTraceParent(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "TestEffects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                Value = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TestEffects", row => row.Id));
        migrationBuilder.CreateIndex(name: "IX_TestEffects_MessageId", table: "TestEffects", column: "MessageId");
    }
}
