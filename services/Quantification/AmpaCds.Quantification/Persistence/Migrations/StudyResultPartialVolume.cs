using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Quantification.Persistence.Migrations;

/// <summary>
/// StudyResults.PartialVolumeMethod and PartialVolumeFwhmMm: a follow-up is compared with its baseline only when both were
/// measured with the same correction. Nullable, no store types (SQLite and PostgreSQL alike); existing rows stay null,
/// which reads as none, as they were measured.
/// </summary>
[DbContext(typeof(QuantificationDbContext))]
[Migration("2026120604_StudyResultPartialVolume")]
public sealed class StudyResultPartialVolume : Migration
{
    private const string Table = "StudyResults";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "PartialVolumeMethod", table: Table, nullable: true);
        migrationBuilder.AddColumn<double>(name: "PartialVolumeFwhmMm", table: Table, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "PartialVolumeFwhmMm", table: Table);
        migrationBuilder.DropColumn(name: "PartialVolumeMethod", table: Table);
    }
}
