using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Persistence.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Maps the inbox and outbox exactly as <see cref="Migrations.MessagingTables.Create"/> creates them.</summary>
    public static ModelBuilder AddInboxAndOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(Migrations.MessagingTables.InboxTable);
            inbox.HasKey(message => new { message.Consumer, message.MessageId });
            inbox.Property(message => message.Consumer).HasMaxLength(Migrations.MessagingTables.ConsumerNameLength);
            inbox.HasIndex(message => message.ProcessedAtUtcTicks);
        });
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(Migrations.MessagingTables.OutboxTable);
            outbox.HasKey(message => message.Id);
            outbox.Property(message => message.Id).ValueGeneratedNever();
            outbox.Property(message => message.MessageType).HasMaxLength(Migrations.MessagingTables.MessageTypeLength);
            outbox.Property(message => message.TraceParent).HasMaxLength(Migrations.MessagingTables.TraceParentLength);
            outbox.HasIndex(message => new { message.SentAtUtcTicks, message.CreatedAtUtcTicks });
        });
        return modelBuilder;
    }
}
