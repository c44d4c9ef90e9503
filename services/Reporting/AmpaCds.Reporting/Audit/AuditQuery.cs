namespace AmpaCds.Reporting.Audit;

/// <summary>Which stored audit events to list: all given filters apply; newest first, at most <see cref="Limit"/>.</summary>
public sealed record AuditQuery(string? PatientId, string? UserId, DateTimeOffset? Since, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The limit to apply: the default for 0 or less, never above <see cref="MaxLimit"/>.</summary>
    public int EffectiveLimit => Limit <= 0 ? DefaultLimit : Math.Min(Limit, MaxLimit);
}
