namespace AmpaCds.Intake.Storage.Journal;

/// <summary>A place in the journal: a segment generation and a byte offset in it; ordered.</summary>
internal readonly record struct JournalPosition(long Generation, long Offset) : IComparable<JournalPosition>
{
    public int CompareTo(JournalPosition other) =>
        Generation != other.Generation ? Generation.CompareTo(other.Generation) : Offset.CompareTo(other.Offset);

    public static bool operator >(JournalPosition left, JournalPosition right) => left.CompareTo(right) > 0;

    public static bool operator <(JournalPosition left, JournalPosition right) => left.CompareTo(right) < 0;

    public static bool operator >=(JournalPosition left, JournalPosition right) => left.CompareTo(right) >= 0;

    public static bool operator <=(JournalPosition left, JournalPosition right) => left.CompareTo(right) <= 0;
}
