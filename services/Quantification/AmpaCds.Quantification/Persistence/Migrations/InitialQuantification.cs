using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Quantification.Persistence.Migrations;

/// <summary>
/// Quantification's first schema, hand-written to run unchanged on SQLite and PostgreSQL: no store
/// types, Guid keys, times as UTC ticks.
/// </summary>
[DbContext(typeof(QuantificationDbContext))]
[Migration(Id)]
public sealed class InitialQuantification : Migration
{
    public const string Id = "2026120402_InitialQuantification";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        MessagingTables.Create(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "StudyResults",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudyInstanceUid = table.Column<string>(nullable: false),
                SeriesInstanceUid = table.Column<string>(nullable: false),
                InputHash = table.Column<string>(nullable: false),
                PatientKey = table.Column<string>(nullable: true),
                StudyDate = table.Column<DateOnly>(nullable: true),
                MeasuredAtUtcTicks = table.Column<long>(nullable: false),
                ReferenceRegion = table.Column<string>(nullable: false),
                AtlasVersion = table.Column<string>(nullable: false),
                Regions = table.Column<string>(nullable: false),
                SuvrMapKey = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_StudyResults", row => row.Id));
        // The baseline lookup: one patient's studies on one atlas and reference region.
        migrationBuilder.CreateIndex(
            name: "IX_StudyResults_PatientKey_AtlasVersion_ReferenceRegion",
            table: "StudyResults",
            columns: ["PatientKey", "AtlasVersion", "ReferenceRegion"]);
        migrationBuilder.CreateIndex(
            name: "IX_StudyResults_SeriesInstanceUid_InputHash",
            table: "StudyResults",
            columns: ["SeriesInstanceUid", "InputHash"]);

        migrationBuilder.CreateTable(
            name: "QuantifiedInputs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SeriesInstanceUid = table.Column<string>(nullable: false),
                InputHash = table.Column<string>(nullable: false),
                CorrelationId = table.Column<Guid>(nullable: false),
                Outcome = table.Column<string>(nullable: false),
                AtUtcTicks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_QuantifiedInputs", row => row.Id));
        // "Was this input already answered?" is asked before every received series is loaded.
        migrationBuilder.CreateIndex(
            name: "IX_QuantifiedInputs_SeriesInstanceUid_InputHash",
            table: "QuantifiedInputs",
            columns: ["SeriesInstanceUid", "InputHash"]);
    }
}
