using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Intake.Persistence.Migrations;

/// <summary>Intake's first schema, provider-neutral (no store types): runs unchanged on SQLite and PostgreSQL.</summary>
[DbContext(typeof(IntakeDbContext))]
[Migration(Id)]
public sealed class InitialIntake : Migration
{
    public const string Id = "20261204020000_InitialIntake";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        MessagingTables.Create(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "SeriesAnnouncements",
            columns: table => new
            {
                StudyInstanceUid = table.Column<string>(maxLength: IntakeDbContext.UidLength, nullable: false),
                SeriesInstanceUid = table.Column<string>(maxLength: IntakeDbContext.UidLength, nullable: false),
                Version = table.Column<int>(nullable: false),
                InputHash = table.Column<string>(maxLength: IntakeDbContext.Sha256HexLength, nullable: false),
                InstanceCount = table.Column<int>(nullable: false),
                ChangeSummary = table.Column<string>(maxLength: IntakeDbContext.SummaryLength, nullable: false),
                CorrelationId = table.Column<Guid>(nullable: false),
                CompletionReason = table.Column<string>(maxLength: IntakeDbContext.ReasonLength, nullable: false),
                AnnouncedAtUtcTicks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SeriesAnnouncements", row => new { row.SeriesInstanceUid, row.Version }));

        migrationBuilder.CreateTable(
            name: "AnnouncedInstances",
            columns: table => new
            {
                SeriesInstanceUid = table.Column<string>(maxLength: IntakeDbContext.UidLength, nullable: false),
                Version = table.Column<int>(nullable: false),
                SopInstanceUid = table.Column<string>(maxLength: IntakeDbContext.UidLength, nullable: false),
                ContentSha256 = table.Column<string>(maxLength: IntakeDbContext.Sha256HexLength, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AnnouncedInstances", row => new { row.SeriesInstanceUid, row.Version, row.SopInstanceUid }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("AnnouncedInstances");
        migrationBuilder.DropTable("SeriesAnnouncements");
        migrationBuilder.DropTable(MessagingTables.OutboxTable);
        migrationBuilder.DropTable(MessagingTables.InboxTable);
    }
}
