namespace Statmgr.Notify;

/// <summary>The <c>page:</c> and <c>mail:</c> limits of a heartbeat or error rule.</summary>
public readonly record struct ReportLimits(int Page, int Mail);
