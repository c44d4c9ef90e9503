using AmpaCds.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Prediction.Persistence.Migrations;

/// <summary>
/// Prediction's tables, hand-written to run on SQLite and PostgreSQL alike: no store types, Guid or string keys,
/// times as UTC ticks.
/// </summary>
[DbContext(typeof(PredictionDbContext))]
[Migration(Id)]
public sealed class InitialPrediction : Migration
{
    public const string Id = "2026120402_InitialPrediction";

    public const string OneActiveIndex = "IX_ModelVersions_OneActive";

    /// <summary>
    /// A bare boolean column is a valid predicate on both providers (SQLite stores it as 0/1 and treats 1 as true;
    /// PostgreSQL would refuse "= 1" against a boolean).
    /// </summary>
    public const string OnlyActiveFilter = "\"IsActive\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        MessagingTables.Create(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "IssuedForecasts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectKey = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: false),
                InputHash = table.Column<string>(maxLength: PredictionDbContext.HashLength, nullable: false),
                ModelVersion = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: false),
                Features = table.Column<string>(nullable: false),
                ResponseProbability = table.Column<double>(nullable: false),
                ExpectedMadrsChangePercent = table.Column<double>(nullable: false),
                CorrelationId = table.Column<Guid>(nullable: true),
                IssuedAtUtcTicks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IssuedForecasts", row => row.Id));
        migrationBuilder.CreateIndex(
            name: "IX_IssuedForecasts_SubjectKey_InputHash_ModelVersion",
            table: "IssuedForecasts",
            columns: ["SubjectKey", "InputHash", "ModelVersion"],
            unique: true);

        migrationBuilder.CreateTable(
            name: "ObservedOutcomes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectKey = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: false),
                BaselineMadrs = table.Column<int>(nullable: false),
                FollowUpMadrs = table.Column<int>(nullable: false),
                Age = table.Column<int>(nullable: true),
                Sex = table.Column<string>(maxLength: PredictionDbContext.StateLength, nullable: true),
                RecordedAtUtcTicks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ObservedOutcomes", row => row.Id));
        migrationBuilder.CreateIndex(
            name: "IX_ObservedOutcomes_SubjectKey_RecordedAtUtcTicks",
            table: "ObservedOutcomes",
            columns: ["SubjectKey", "RecordedAtUtcTicks"]);

        migrationBuilder.CreateTable(
            name: "ModelVersions",
            columns: table => new
            {
                Version = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: false),
                Origin = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: false),
                TrainedAtUtcTicks = table.Column<long>(nullable: false),
                Card = table.Column<string>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                ActivatedAtUtcTicks = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ModelVersions", row => row.Version));
        // At most one active version, enforced by the database rather than by whoever activates.
        migrationBuilder.CreateIndex(
            name: OneActiveIndex,
            table: "ModelVersions",
            column: "IsActive",
            unique: true,
            filter: OnlyActiveFilter);

        migrationBuilder.CreateTable(
            name: "RetrainingJobs",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: false),
                State = table.Column<string>(maxLength: PredictionDbContext.StateLength, nullable: false),
                Seed = table.Column<int>(nullable: false),
                Activate = table.Column<bool>(nullable: false),
                ModelVersion = table.Column<string>(maxLength: PredictionDbContext.KeyLength, nullable: true),
                CohortSize = table.Column<int>(nullable: false),
                ModelCardSummary = table.Column<string>(nullable: true),
                Error = table.Column<string>(nullable: true),
                RequestedAtUtcTicks = table.Column<long>(nullable: false),
                StartedAtUtcTicks = table.Column<long>(nullable: true),
                FinishedAtUtcTicks = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_RetrainingJobs", row => row.Id));
        migrationBuilder.CreateIndex(
            name: "IX_RetrainingJobs_State",
            table: "RetrainingJobs",
            column: "State");
    }
}
