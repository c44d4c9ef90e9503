namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts of the operations page (role ops).</summary>
internal static class OpsCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("ops.title", "Operations", "運用"),
        new("ops.nav", "Operations", "運用"),
        new("ops.read-at", "Read at {0}. Reload the page for newer figures.", "{0} 時点の状態です。最新の値はページを再読み込みしてください。"),
        new("ops.services.title", "Service readiness", "サービスの準備状態"),
        new("ops.services.col.service", "Service", "サービス"),
        new("ops.services.col.status", "Status", "状態"),
        new("ops.services.col.checks", "Checks", "チェック"),
        new("ops.queues.title", "Queues", "キュー"),
        new("ops.queues.unavailable", "Queues cannot be shown: {0}", "キューを表示できません: {0}"),
        new("ops.queues.col.queue", "Queue", "キュー"),
        new("ops.queues.col.ready", "Waiting", "待機中"),
        new("ops.queues.col.consumers", "Consumers", "コンシューマー"),
        new("ops.queues.col.dead-letters", "Dead letters", "デッドレター"),
        new("ops.dead-letters.title", "Dead letters", "デッドレター"),
        new("ops.dead-letters.explain",
            "Messages that failed after every retry. Fix the cause (the reason says what failed), then send them back to their queue.",
            "すべての再試行の後も失敗したメッセージです。原因（理由欄）を解消してから、元のキューに戻してください。"),
        new("ops.dead-letters.none", "No dead letters.", "デッドレターはありません。"),
        new("ops.dead-letters.col.type", "Message", "メッセージ"),
        new("ops.dead-letters.col.when", "Failed at", "失敗時刻"),
        new("ops.dead-letters.col.reason", "Reason", "理由"),
        new("ops.dead-letters.col.action", "Action", "操作"),
        new("ops.dead-letters.replay-one", "Replay", "再送"),
        new("ops.dead-letters.replay-queue", "Replay all of {0}", "{0} をすべて再送"),
        new("ops.dead-letters.replayed", "{0} dead letters sent back to {1}.", "{0} 件のデッドレターを {1} に戻しました。"),
        new("ops.dead-letters.not-found", "{0} dead letters sent back to {1}; not found (already replayed?): {2}.",
            "{0} 件のデッドレターを {1} に戻しました。見つからないもの（再送済み？）: {2}。"),
        new("ops.dead-letters.failed", "Replay refused: {0}", "再送できません: {0}"),
        new("ops.runs.title", "Recent runs", "最近の処理"),
        new("ops.runs.explain", "From the start of a run (the series complete at Intake, or a requested re-run) to its stored report; the newest 20.",
            "処理の開始（Intake でシリーズ受信完了、または再実行の依頼）からレポート保存までの時間（新しい順に 20 件）。"),
        new("ops.runs.none", "No report yet.", "レポートはまだありません。"),
        new("ops.runs.summary", "{0} runs: median {1}, 95th percentile {2}.", "{0} 件: 中央値 {1}、95 パーセンタイル {2}。"),
        new("ops.runs.col.reported", "Reported at", "レポート時刻"),
        new("ops.runs.col.version", "Version", "版"),
        new("ops.runs.col.series-to-report", "Series to report", "シリーズからレポートまで"),
        new("ops.seconds", "{0} s", "{0} 秒"),
        new("ops.pacs.title", "PACS destinations", "PACS 送信先"),
        new("ops.pacs.none", "No PACS destination is configured.", "PACS 送信先は設定されていません。"),
        new("ops.pacs.col.last-delivered", "Last delivered", "最終送信"),
    ];
}
