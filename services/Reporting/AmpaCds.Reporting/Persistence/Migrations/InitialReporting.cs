using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>
/// Studies, ReportVersions, inbox and outbox. Hand-written and provider-neutral (no store types), so the
/// one migration runs on SQLite (embedded) and PostgreSQL (distributed).
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120402_InitialReporting")]
public sealed class InitialReporting : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        MessagingTables.Create(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "Studies",
            columns: table => new
            {
                StudyInstanceUid = table.Column<string>(maxLength: ReportingDbContext.UidLength, nullable: false),
                SeriesInstanceUid = table.Column<string>(nullable: false),
                SeriesBlobPrefix = table.Column<string>(nullable: false),
                CorrelationId = table.Column<Guid>(nullable: false),
                Stage = table.Column<string>(nullable: false),
                StageDetail = table.Column<string>(nullable: false),
                UpdatedAtUtcTicks = table.Column<long>(nullable: false),
                PatientName = table.Column<string>(nullable: true),
                PatientId = table.Column<string>(nullable: true),
                StudyDate = table.Column<string>(nullable: true),
                StudyDescription = table.Column<string>(nullable: true),
                InputHash = table.Column<string>(nullable: false),
                SeriesVersion = table.Column<int>(nullable: false),
                ChangeSummary = table.Column<string>(nullable: false),
                Uptake = table.Column<string>(nullable: true),
                Forecast = table.Column<string>(nullable: true),
                ReportVersion = table.Column<int>(nullable: true),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Studies", study => study.StudyInstanceUid));
        // ListStudies shows the most recently updated first.
        migrationBuilder.CreateIndex(name: "IX_Studies_UpdatedAtUtcTicks", table: "Studies", column: "UpdatedAtUtcTicks");

        migrationBuilder.CreateTable(
            name: "ReportVersions",
            columns: table => new
            {
                StudyInstanceUid = table.Column<string>(maxLength: ReportingDbContext.UidLength, nullable: false),
                Version = table.Column<int>(nullable: false),
                CorrelationId = table.Column<Guid>(nullable: false),
                InputHash = table.Column<string>(nullable: false),
                SeriesVersion = table.Column<int>(nullable: false),
                ModelVersion = table.Column<string>(nullable: false),
                ChangeSummary = table.Column<string>(nullable: false),
                CreatedAtUtcTicks = table.Column<long>(nullable: false),
                ReportBlobKey = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportVersions", version => new { version.StudyInstanceUid, version.Version }));
    }
}
