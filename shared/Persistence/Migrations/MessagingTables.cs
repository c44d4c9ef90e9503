using Microsoft.EntityFrameworkCore.Migrations;

namespace AmpaCds.Persistence.Migrations;

/// <summary>
/// Creates the inbox and outbox in a service's initial migration. Columns name no store type, so
/// each provider maps the CLR type itself (Guid: uuid on PostgreSQL, TEXT on SQLite; long: bigint
/// / INTEGER) and the one migration runs on both.
/// </summary>
public static class MessagingTables
{
    public const string InboxTable = "InboxMessages";
    public const string OutboxTable = "OutboxMessages";
    public const int ConsumerNameLength = 200;
    public const int MessageTypeLength = 300;

    /// <summary>A W3C traceparent is 55 characters; room for a future version's longer form.</summary>
    public const int TraceParentLength = 128;

    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: InboxTable,
            columns: table => new
            {
                Consumer = table.Column<string>(maxLength: ConsumerNameLength, nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                ProcessedAtUtcTicks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_InboxMessages", message => new { message.Consumer, message.MessageId }));
        migrationBuilder.CreateIndex(
            name: "IX_InboxMessages_ProcessedAtUtcTicks",
            table: InboxTable,
            column: "ProcessedAtUtcTicks");

        migrationBuilder.CreateTable(
            name: OutboxTable,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageType = table.Column<string>(maxLength: MessageTypeLength, nullable: false),
                Body = table.Column<string>(nullable: false),
                CorrelationId = table.Column<Guid>(nullable: true),
                ConversationId = table.Column<Guid>(nullable: true),
                ParentMessageId = table.Column<Guid>(nullable: true),
                CreatedAtUtcTicks = table.Column<long>(nullable: false),
                SentAtUtcTicks = table.Column<long>(nullable: true),
                NextAttemptAtUtcTicks = table.Column<long>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", message => message.Id));
        // Unsent rows in creation order is the dispatcher's one query.
        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_SentAtUtcTicks_CreatedAtUtcTicks",
            table: OutboxTable,
            columns: ["SentAtUtcTicks", "CreatedAtUtcTicks"]);
    }

    /// <summary>OutboxMessages.TraceParent (added after the initial schema): each service's migration calls this once.</summary>
    public static void AddTraceParent(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "TraceParent", table: OutboxTable, maxLength: TraceParentLength, nullable: true);
    }

    public static void DropTraceParent(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "TraceParent", table: OutboxTable);
    }
}
