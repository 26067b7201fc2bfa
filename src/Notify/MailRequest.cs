namespace Statmgr.Notify;

/// <summary>One report to mail: the report text exactly as logged, and who receives it (one message each).</summary>
public sealed record MailRequest(IReadOnlyList<string> Recipients, string ReportText);
