using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Reporting.Persistence.Migrations;

/// <summary>
/// Results back into the PACS: PacsDeliveries (one row per object, version and destination, unique, so nothing is
/// sent twice for one version) and Studies.DicomHeader, the header fields and instance UIDs the objects repeat.
/// Studies reported before this migration have no DicomHeader: their objects reference no images until sent again.
/// </summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("2026120502_PacsDeliveries")]
public sealed class PacsDeliveries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "DicomHeader", table: "Studies", nullable: true);
        migrationBuilder.CreateTable(
            name: "PacsDeliveries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                StudyInstanceUid = table.Column<string>(maxLength: ReportingDbContext.UidLength, nullable: false),
                ReportVersion = table.Column<int>(nullable: false),
                Destination = table.Column<string>(nullable: false),
                ObjectKind = table.Column<string>(nullable: false),
                SopInstanceUid = table.Column<string>(nullable: true),
                State = table.Column<string>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAtUtcTicks = table.Column<long>(nullable: false),
                LastStatus = table.Column<int>(nullable: true),
                LastError = table.Column<string>(nullable: true),
                CreatedAtUtcTicks = table.Column<long>(nullable: false),
                DeliveredAtUtcTicks = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PacsDeliveries", delivery => delivery.Id));
        migrationBuilder.CreateIndex(name: "IX_PacsDeliveries_Destination_StudyInstanceUid_ReportVersion_ObjectKind", table: "PacsDeliveries",
            columns: ["Destination", "StudyInstanceUid", "ReportVersion", "ObjectKind"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PacsDeliveries_State_NextAttemptAtUtcTicks", table: "PacsDeliveries",
            columns: ["State", "NextAttemptAtUtcTicks"]);
        migrationBuilder.CreateIndex(name: "IX_PacsDeliveries_StudyInstanceUid", table: "PacsDeliveries", column: "StudyInstanceUid");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "PacsDeliveries");
        migrationBuilder.DropColumn(name: "DicomHeader", table: "Studies");
    }
}
