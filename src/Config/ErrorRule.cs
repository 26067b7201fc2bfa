namespace Statmgr.Config;

/// <summary>One <c>err: E nerr: N tsec: T page: P mail: M</c> line with its <c>text:</c>.</summary>
public sealed record ErrorRule(short Number, int Nerr, int Tsec, int Page, int Mail, string Text);
