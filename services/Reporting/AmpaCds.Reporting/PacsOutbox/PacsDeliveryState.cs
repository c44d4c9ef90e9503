namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>Where one object stands with one destination; stored by name in PacsDeliveries.State.</summary>
public enum PacsDeliveryState
{
    /// <summary>Waiting for its first or next attempt (NextAttemptAt).</summary>
    Pending,

    /// <summary>The destination answered success (or a warning) for it.</summary>
    Delivered,

    /// <summary>Refused for good (unknown AE, SOP class not supported, ...) or out of attempts: not retried, shown with the reason.</summary>
    DeadLetter,

    /// <summary>Not made: the figure it shows is not available for this version (for example no normative z-map).</summary>
    Skipped,

    /// <summary>A newer report version appeared before this one's objects were made; the newer one is sent instead.</summary>
    Superseded,
}
